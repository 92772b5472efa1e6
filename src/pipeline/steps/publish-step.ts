/** publish: the day's items to Notion, or to markdown + HTML under state/out/ without a token. */
import { errorMessage } from '../../core/errors.ts';
import type {
  DayCounts,
  PublishContext,
  Publisher,
  PublishItem,
  PublishResult,
} from '../../publish/publisher.ts';
import { type DayItemsDeps, dayItems } from '../day-items.ts';
import type { PipelineStep } from '../pipeline-step.ts';

export interface PublishStepDeps {
  items: DayItemsDeps;
  publishers: readonly Publisher[];
  /** The day's counts so far in this run (collected, candidates), for the digest. */
  counts?: (runId: string) => Promise<DayCounts | undefined>;
}

async function publishIsolated(
  publisher: Publisher,
  day: string,
  items: readonly PublishItem[],
  context: PublishContext,
): Promise<{ results: PublishResult[]; outputs: Record<string, string> }> {
  try {
    return await publisher.publish(day, items, context);
  } catch (error) {
    const message = errorMessage(error);
    return { results: items.map((item) => ({ id: item.paper.id, ok: false, error: message })), outputs: {} };
  }
}

export function createPublishStep(deps: PublishStepDeps): PipelineStep {
  return {
    name: 'publish',
    async run(ctx) {
      const items = await dayItems(deps.items, ctx.day);
      const counts: Record<string, number> = { items: items.length, published: 0, failed: 0 };
      const outputs: Record<string, string> = {};
      const context: PublishContext = { counts: await deps.counts?.(ctx.runId).catch(() => undefined) };
      for (const publisher of deps.publishers) {
        // One publisher down (Notion) must not keep the others (the local digest) from running.
        const { results, outputs: written } = await publishIsolated(publisher, ctx.day, items, context);
        for (const result of results) {
          if (result.ok) counts.published = (counts.published ?? 0) + 1;
          else {
            counts.failed = (counts.failed ?? 0) + 1;
            ctx.itemFailed(`${publisher.name}:${result.id}`, result.error);
          }
        }
        for (const [key, path] of Object.entries(written))
          outputs[publisher.name === 'local' ? key : `${publisher.name}.${key}`] = path;
      }
      return {
        counts,
        note: `${counts.published} pages via ${deps.publishers.map((p) => p.name).join(' + ')}`,
        outputs,
      };
    },
  };
}
