/** embed: vectors for every paper that lacks one, per active model. */
import { type EmbedPapersDeps, embedPapers } from '../../embed/embed-papers.ts';
import type { Embedder } from '../../embed/embedder.ts';
import type { PipelineStep } from '../pipeline-step.ts';

export interface EmbedStepDeps {
  models: readonly string[];
  embedderFor: (model: string) => Promise<Embedder>;
  depsFor: (model: string) => EmbedPapersDeps;
}

export function createEmbedStep(deps: EmbedStepDeps): PipelineStep {
  return {
    name: 'embed',
    async run(ctx) {
      const counts: Record<string, number> = { embedded: 0 };
      const notes: string[] = [];
      for (const model of deps.models) {
        const result = await embedPapers(await deps.embedderFor(model), deps.depsFor(model), {
          signal: ctx.signal,
          onProgress: (p) => ctx.progress(p.done, p.total),
        });
        counts.embedded = (counts.embedded ?? 0) + result.embedded;
        counts[`embedded.${model}`] = result.embedded;
        notes.push(`${model}: ${result.embedded} new vectors`);
      }
      return { counts, note: notes.join('; ') };
    },
  };
}
