/** collect: new arXiv papers into the store; offline, the bundled sample of real entries. */
import { loadBundledSample } from '../../papers/bundled-sample.ts';
import { type CollectDeps, collectPapers } from '../../papers/collect.ts';
import { formatWindow } from '../../papers/collect-window.ts';
import type { PapersStore } from '../../store/papers-store.ts';
import type { PipelineStep } from '../pipeline-step.ts';

export interface CollectStepDeps {
  papers: PapersStore;
  /** The online collection (arXiv API); absent when offline. */
  online?: { deps: CollectDeps; categories: readonly string[]; firstRunDays: number };
  samplePath?: string;
}

export function createCollectStep(deps: CollectStepDeps): PipelineStep {
  return {
    name: 'collect',
    async run(ctx) {
      if (ctx.offline || !deps.online) {
        const sample = await loadBundledSample(deps.samplePath);
        const counts = await deps.papers.upsert(sample);
        return {
          counts: { new: counts.added, updated: counts.updated, unchanged: counts.unchanged },
          note: `offline: ${sample.length} papers from the bundled sample (${counts.added} new)`,
        };
      }
      const { deps: collectDeps, categories, firstRunDays } = deps.online;
      const result = await collectPapers(collectDeps, { categories, firstRunDays });
      return {
        counts: {
          new: result.added,
          updated: result.updated,
          unchanged: result.unchanged,
          pages: result.pages,
        },
        note: `${result.added} new papers, ${formatWindow(result.window)}${result.reason ? ` — ${result.reason}` : ''}`,
      };
    },
  };
}
