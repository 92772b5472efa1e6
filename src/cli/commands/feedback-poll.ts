/**
 * `radar feedback poll`: turns the Feedback property of recently edited Notion pages into labels,
 * then retrains the preference classifiers when labels changed (here or through a chat bot).
 */
import { pollFeedback } from '../../adapters/notion/feedback-poll.ts';
import { papersDataSourceId, requireNotionApi } from '../../adapters/notion/notion-setup.ts';
import { retrainIfLabelsChanged } from '../../rank/train-classifiers.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export async function runFeedbackPoll(ctx: CommandContext, out: (line: string) => void): Promise<number> {
  const { config } = ctx.loaded;
  const api = requireNotionApi(config, ctx.env.secrets.NOTION_TOKEN, ctx.logger);
  const { result, trained } = await withStateLock(ctx, 'feedback poll', async () => {
    const dataSourceId = await papersDataSourceId(api, ctx.stores.notionMap, config);
    const polled = await pollFeedback({
      api,
      dataSourceId,
      labels: ctx.stores.labels,
      kv: ctx.stores.cursors,
      logger: ctx.logger,
    });
    const deps = { stores: ctx.stores, config, logger: ctx.logger };
    return { result: polled, trained: await retrainIfLabelsChanged(deps, polled.newLabels) };
  });
  out(`read ${result.pages} edited pages: ${result.newLabels} label changes`);
  for (const t of trained) {
    out(
      t.trained
        ? `retrained the ${t.model} classifier on ${t.positives}+/${t.negatives}- labels`
        : `${t.model}: too few labels to train (${t.positives}+/${t.negatives}-, need ${config.ranking.minLabelsPerClass} of each)`,
    );
  }
  return 0;
}
