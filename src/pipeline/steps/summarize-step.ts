/** summarize: a structured summary for each of the day's picks that has none yet. */
import type { PicksStore } from '../../store/picks-store.ts';
import type { PipelineStep, StepContext } from '../pipeline-step.ts';

export interface SummarizeOutcome {
  summarized: number;
  skipped: number;
  failed: Array<{ id: string; error: string }>;
  extractive: number;
  /** Related-paper links stored for the new summaries. */
  links: number;
}

export interface SummarizeStepDeps {
  picks: PicksStore;
  summarize: (ids: readonly string[], ctx: StepContext) => Promise<SummarizeOutcome>;
}

export function createSummarizeStep(deps: SummarizeStepDeps): PipelineStep {
  return {
    name: 'summarize',
    async run(ctx) {
      const ids = [...new Set((await deps.picks.forDate(ctx.day)).map((p) => p.id))];
      const outcome = await deps.summarize(ids, ctx);
      for (const failure of outcome.failed) ctx.itemFailed(failure.id, failure.error);
      return {
        counts: {
          summarized: outcome.summarized,
          skipped: outcome.skipped,
          failed: outcome.failed.length,
          extractive: outcome.extractive,
          links: outcome.links,
        },
        note: `${outcome.summarized} summarized${outcome.extractive > 0 ? ` (${outcome.extractive} extractive: no LLM configured)` : ''}, ${outcome.skipped} already had one`,
      };
    },
  };
}
