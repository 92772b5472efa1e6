/** `radar feedback poll`: turns the Feedback property of recently edited Notion pages into labels. */
import { pollFeedback } from '../../adapters/notion/feedback-poll.ts';
import { papersDataSourceId, requireNotionApi } from '../../adapters/notion/notion-setup.ts';
import { createKvStore } from '../../store/kv-store.ts';
import { createLabelsStore } from '../../store/labels-store.ts';
import { createNotionMapStore } from '../../store/notion-map-store.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export async function runFeedbackPoll(ctx: CommandContext, out: (line: string) => void): Promise<number> {
  const { config } = ctx.loaded;
  const api = requireNotionApi(config, ctx.env.secrets.NOTION_TOKEN, ctx.logger);
  const result = await withStateLock(ctx, 'feedback poll', async () => {
    const dataSourceId = await papersDataSourceId(api, createNotionMapStore(ctx.stateDir), config);
    return pollFeedback({
      api,
      dataSourceId,
      labels: createLabelsStore(ctx.stateDir),
      kv: createKvStore(ctx.stateDir),
      logger: ctx.logger,
    });
  });
  out(`read ${result.pages} edited pages: ${result.newLabels} label changes`);
  if (result.newLabels > 0) out('new labels: the next `radar rank` retrains the classifier on them');
  return 0;
}
