/** summarize: a structured summary for each of the day's picks that has none yet. */
import type { PicksStore } from '../../store/picks-store.ts';
import type { PipelineStep, StepContext } from '../pipeline-step.ts';

export interface SummarizeOutcome {
  summarized: number;
  skipped: number;
  failed: Array<{ id: string; error: string }>;
  extractive: number;
  /** Papers whose LLM summary failed and that got the extractive summary with a note. */
  fallback?: number;
  /** Related-paper links stored for the new summaries. */
  links: number;
}

export interface SummarizeStepDeps {
  picks: PicksStore;
  summarize: (ids: readonly string[], ctx: StepContext) => Promise<SummarizeOutcome>;
}

function summaryKinds(outcome: SummarizeOutcome): string {
  const fallback = outcome.fallback ?? 0;
  const offline = outcome.extractive - fallback;
  const parts = [
    ...(offline > 0 ? [`${offline} extractive: no LLM configured`] : []),
    ...(fallback > 0 ? [`${fallback} from the abstract: the LLM failed`] : []),
  ];
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
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
        note: `${outcome.summarized} summarized${summaryKinds(outcome)}, ${outcome.skipped} already had one`,
        // A failed LLM summary makes the run partial even though the paper got the extractive one.
        ...(outcome.failed.length > 0 ? { degraded: true } : {}),
      };
    },
  };
}
