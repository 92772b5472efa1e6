/** `radar eval search versions add|list|set-baseline|deactivate`. */
import { UsageError } from '../../core/errors.ts';
import { RegisteredVersion } from '../../evals/search/versions.ts';
import { createMemoryCorpus } from '../../search/corpus.ts';
import { createSearchEngine } from '../../search/create-engine.ts';
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';

export interface AddFlags {
  name?: string;
  description?: string;
  algorithm?: string;
  params?: string;
}

export async function runVersionsAdd(
  ctx: CommandContext,
  code: string,
  flags: AddFlags,
  out: Out,
): Promise<number> {
  let parameters: unknown = {};
  try {
    parameters = JSON.parse(flags.params ?? '{}');
  } catch {
    throw new UsageError(`--params must be JSON, got ${flags.params}`);
  }
  const parsed = RegisteredVersion.safeParse({
    code,
    name: flags.name ?? code,
    description: flags.description ?? '',
    algorithm: flags.algorithm ?? 'bm25',
    parameters,
    created_at: new Date().toISOString(),
  });
  if (!parsed.success)
    throw new UsageError(
      `invalid version: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const version = parsed.data;
  // Validate the parameters against the algorithm now, not at the first run (vector needs no vectors for that).
  if (version.algorithm === 'bm25')
    await createSearchEngine(
      { name: code, algorithm: 'bm25', parameters: version.parameters },
      { corpus: createMemoryCorpus([]) },
    );
  await ctx.stores.evals.search.versions.add(version);
  out(`version ${code} added (${version.algorithm})`);
  return 0;
}

export async function runVersionsList(ctx: CommandContext, out: Out): Promise<number> {
  const versions = await ctx.stores.evals.search.versions.list();
  if (versions.length === 0)
    out(
      'no registered version (built-in versions: bm25, vector, hybrid, hybrid-rrf, hybrid-weighted, rerank)',
    );
  for (const v of versions) {
    const l = v.latest;
    out(
      `${v.code}${v.baseline ? ' (baseline)' : ''}${v.active ? '' : ' (inactive)'}\t${v.algorithm}\t${JSON.stringify(v.parameters)}\t${l === undefined ? 'no run yet' : `P ${l.precision.toFixed(4)} R ${l.recall.toFixed(4)} F1 ${l.f1.toFixed(4)} ${l.latency_ms.toFixed(1)} ms, ${l.total_runs} runs`}`,
    );
  }
  return 0;
}

export async function runVersionsSetBaseline(ctx: CommandContext, code: string, out: Out): Promise<number> {
  await ctx.stores.evals.search.versions.setBaseline(code);
  out(`baseline: ${code}`);
  return 0;
}

export async function runVersionsDeactivate(ctx: CommandContext, code: string, out: Out): Promise<number> {
  await ctx.stores.evals.search.versions.update(code, (v) => ({ ...v, active: false }));
  out(`version ${code} deactivated`);
  return 0;
}
