/** rank: score the new papers per model and record the day's picks (a re-run returns the same picks). */
import { type RankDeps, rankPapers } from '../../rank/rank-papers.ts';
import type { PapersStore } from '../../store/papers-store.ts';
import type { PipelineStep } from '../pipeline-step.ts';

export interface RankStepDeps {
  rank: RankDeps;
  papers: PapersStore;
}

/** The newest published day in the store: offline, the sample's days stand in for "recent". */
async function newestDay(papers: PapersStore): Promise<string | undefined> {
  let newest: string | undefined;
  for (const paper of await papers.readHeads()) {
    const day = paper.published.slice(0, 10);
    if (newest === undefined || day > newest) newest = day;
  }
  return newest;
}

export function createRankStep(deps: RankStepDeps): PipelineStep {
  return {
    name: 'rank',
    async run(ctx) {
      const windowEnd = ctx.offline ? await newestDay(deps.papers) : undefined;
      const result = await rankPapers(deps.rank, { date: ctx.day, ...(windowEnd ? { windowEnd } : {}) });
      const counts: Record<string, number> = { picks: 0 };
      const notes: string[] = [];
      for (const model of result.models) {
        counts.picks = (counts.picks ?? 0) + model.picks.length;
        counts[`candidates.${model.model}`] = model.candidates;
        notes.push(
          `${model.model}: ${model.picks.length} picks from ${model.candidates} candidates (${model.mode})`,
        );
      }
      return { counts, note: notes.join('; ') };
    },
  };
}
