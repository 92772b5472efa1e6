/**
 * `radar embed [--model NAME] [--refit]`: embeds the papers that lack a vector, for every
 * active model or one named model. A progress bar on a terminal, a log line per step otherwise.
 */
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { type EmbedPapersResult, embedPapers } from '../../embed/embed-papers.ts';
import { createEmbedder } from '../../embed/embedder.ts';
import type { EmbeddingsStore } from '../../store/embeddings-store.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { createProgress } from '../progress.ts';

export interface EmbedCommandOptions {
  model?: string;
  refit?: boolean;
  /** Drop the vectors of shards that cannot be read, so their papers are embedded again. */
  repair?: boolean;
}

/** Drops every unreadable shard of the model; returns one line per shard dropped. */
async function repairShards(store: EmbeddingsStore): Promise<string[]> {
  const lines: string[] = [];
  for (const shard of await store.shards()) {
    const problems = await store.checkShard(shard);
    if (problems.length === 0) continue;
    const file = await store.dropShard(shard);
    lines.push(`${store.model}: dropped ${file} (${problems[0]}); its papers are embedded again`);
  }
  return lines;
}

const numbers = new Intl.NumberFormat('en-US');

export function formatEmbedResult(r: EmbedPapersResult): string {
  const what = r.fullReembed ? 're-embedded all' : 'embedded';
  const noun = r.embedded === 1 ? 'paper' : 'papers';
  const had = r.fullReembed ? '' : ` (${numbers.format(r.alreadyHad)} already had vectors)`;
  return `${r.model}: ${what} ${numbers.format(r.embedded)} ${r.fullReembed ? noun : `new ${noun}`}${had} in ${r.seconds.toFixed(1)} s`;
}

function modelsToRun(ctx: CommandContext, options: EmbedCommandOptions): string[] {
  const { embedding } = ctx.loaded.config;
  if (options.model === undefined) return embedding.active;
  if (!(options.model in embedding.models)) {
    const known = Object.keys(embedding.models).join(', ');
    throw new UsageError(`unknown embedding model "${options.model}" (configured: ${known})`);
  }
  return [options.model];
}

export async function runEmbed(
  ctx: CommandContext,
  options: EmbedCommandOptions,
  out: (line: string) => void,
): Promise<number> {
  const names = modelsToRun(ctx, options);
  const { papers } = ctx.stores;
  return withStateLock(ctx, 'embed', async () => {
    for (const name of names) {
      const config = ctx.loaded.config.embedding.models[name];
      if (!config) throw new UsageError(`embedding.active names "${name}", which is not in embedding.models`);
      const embedder = await createEmbedder(name, config, {
        env: ctx.env,
        logger: ctx.logger.child({ module: 'embed' }),
        modelsDir: join(ctx.cwd, 'models'),
        stateDir: ctx.stateDir,
        ...(ctx.loaded.config.llm.providers.default
          ? { defaultProvider: ctx.loaded.config.llm.providers.default }
          : {}),
      });
      const store = ctx.stores.vectors(name);
      if (options.repair) {
        const repaired = await repairShards(store);
        for (const line of repaired) out(line);
        if (repaired.length === 0) out(`${name}: every shard is readable`);
      }
      const progress = await createProgress(ctx.logger, 'papers');
      const deps = {
        readPapers: (exclude?: ReadonlySet<string>) => papers.readAll(exclude ? { exclude } : {}),
        store,
        logger: ctx.logger,
      };
      const result = await embedPapers(embedder, deps, {
        refit: options.refit === true,
        onProgress: (p) => progress.update(p.model, p.done, p.total),
      }).finally(() => progress.stop());
      out(formatEmbedResult(result));
    }
    return 0;
  });
}
