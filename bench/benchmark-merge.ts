/**
 * `npx tsx bench/benchmark-merge.ts [threshold] [--stripped]`: precision and recall of the cross-source merge
 * on the labeled pairs of tests/fixtures/benchmark-pairs.jsonl (built from real papers by
 * bench/build-benchmark-pairs.ts). A pair is predicted "same" when the merge puts both candidates
 * in one benchmark (transitive links count). `--stripped`: the variant where every other paper's
 * links are removed (bench/build-benchmark-pairs.ts --strip-links). Embeddings: the hashing embedder, idf fitted on the
 * candidates' texts. Prints a threshold sweep, the per-kind figures and the errors.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BenchmarkCandidate } from '../src/benchmarks/candidate.ts';
import { groupCandidates, mergeText, type Vector } from '../src/benchmarks/merge.ts';
import { BenchmarksConfig } from '../src/config/schema.ts';
import { createHashingEmbedder } from '../src/embed/backends/hashing.ts';

const Pair = z.object({ a: z.string(), b: z.string(), same: z.boolean(), kind: z.string() });
type Pair = z.infer<typeof Pair>;
const out = (line: string): void => void process.stdout.write(`${line}\n`);

const readLines = <T>(file: string, schema: z.ZodType<T>): T[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => schema.parse(JSON.parse(l)));

interface Figures {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  errors: Array<Pair & { predicted: boolean }>;
}

function evaluate(pairs: readonly Pair[], groups: readonly string[][]): Figures {
  const groupOf = new Map<string, number>();
  groups.forEach((g, i) => {
    for (const id of g) groupOf.set(id, i);
  });
  const f: Figures = { tp: 0, fp: 0, fn: 0, tn: 0, errors: [] };
  for (const pair of pairs) {
    const predicted = groupOf.get(pair.a) !== undefined && groupOf.get(pair.a) === groupOf.get(pair.b);
    if (predicted && pair.same) f.tp += 1;
    else if (predicted) f.fp += 1;
    else if (pair.same) f.fn += 1;
    else f.tn += 1;
    if (predicted !== pair.same) f.errors.push({ ...pair, predicted });
  }
  return f;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const precision = (f: Figures): number => (f.tp + f.fp === 0 ? 1 : f.tp / (f.tp + f.fp));
const recall = (f: Figures): number => (f.tp + f.fn === 0 ? 1 : f.tp / (f.tp + f.fn));

async function main(): Promise<void> {
  const stripped = process.argv.includes('--stripped');
  const file = `tests/fixtures/benchmark-merge/candidates${stripped ? '-stripped' : ''}.jsonl`;
  const candidates = readLines(file, BenchmarkCandidate);
  const pairs = readLines('tests/fixtures/benchmark-pairs.jsonl', Pair);
  const embedder = createHashingEmbedder({ dims: 384 });
  embedder.fit(candidates.map(mergeText));
  const vectors = await embedder.embed(candidates.map(mergeText));
  const byId = new Map(candidates.map((c, i): [string, Vector] => [c.id, vectors[i] ?? []]));
  const arg = process.argv.slice(2).find((a) => !a.startsWith('--'));
  const chosen = Number(arg ?? BenchmarksConfig.parse({}).mergeThreshold);
  out(
    `${candidates.length} candidates, ${pairs.length} labeled pairs (${pairs.filter((p) => p.same).length} same)`,
  );
  out('threshold  precision  recall  f1');
  for (const t of [0.1, 0.2, 0.3, 0.4, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9, 1.01]) {
    const f = evaluate(pairs, groupCandidates(candidates, byId, t));
    const p = precision(f);
    const r = recall(f);
    out(
      `${t.toFixed(2).padStart(9)}  ${pct(p).padStart(9)}  ${pct(r).padStart(6)}  ${((2 * p * r) / (p + r || 1)).toFixed(3)}`,
    );
  }
  const started = performance.now();
  const f = evaluate(pairs, groupCandidates(candidates, byId, chosen));
  out(
    `\nat threshold ${chosen}: precision ${pct(precision(f))}, recall ${pct(recall(f))} (tp ${f.tp}, fp ${f.fp}, fn ${f.fn}, tn ${f.tn}); merge ${(performance.now() - started).toFixed(0)} ms`,
  );
  for (const kind of [...new Set(pairs.map((p) => p.kind))]) {
    const k = evaluate(
      pairs.filter((p) => p.kind === kind),
      groupCandidates(candidates, byId, chosen),
    );
    out(
      `  ${kind.padEnd(14)} precision ${pct(precision(k))}, recall ${pct(recall(k))} (${k.tp + k.fn} same, ${k.fp + k.tn} different)`,
    );
  }
  out('errors:');
  for (const e of f.errors.slice(0, 30))
    out(`  ${e.same ? 'missed' : 'false merge'}  ${e.kind}  ${e.a}  ${e.b}`);
}

await main();
