/**
 * Cross-source merge: a paper, its GitHub repository and its Hugging Face dataset become one
 * benchmark. Pairs from different sources are judged the same by rules — one links to the other,
 * both name the same arXiv paper, equal normalized names — or, for pairs whose names overlap,
 * by the cosine of their title+description embeddings. Union-find makes the groups.
 */
import type { BenchmarkCandidate, BenchmarkSourceName } from './candidate.ts';
import type { MergedBenchmark, ScoreRecord } from './schemas.ts';

export type Vector = Float32Array | readonly number[];

export type SameReason = 'linked' | 'arxiv-id' | 'name' | 'similar';

const GENERIC = new Set([
  'benchmark',
  'benchmarks',
  'bench',
  'eval',
  'evals',
  'evaluation',
  'dataset',
  'data',
  'leaderboard',
  'test',
  'llm',
  'tasks',
]);
const SOURCE_ORDER: readonly BenchmarkSourceName[] = ['arxiv', 'github', 'huggingface'];

export const normName = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

interface Prepared {
  c: BenchmarkCandidate;
  own: string;
  links: Set<string>;
  arxivIds: Set<string>;
  key: string;
  titleKey: string;
  textKey: string;
}

function prepare(c: BenchmarkCandidate): Prepared {
  const links = new Set(c.links);
  const own = c.links[0] ?? '';
  const arxivIds = new Set([...links].flatMap((l) => /^arxiv\.org\/abs\/(.+)$/.exec(l)?.[1] ?? []));
  const key = normName(c.name.replace(/^(the|a|an)\s+/i, ''));
  return {
    c,
    own,
    links,
    arxivIds,
    key: key.length >= 4 && !GENERIC.has(key) ? key : '',
    titleKey: normName(`${c.title} ${c.name}`),
    textKey: normName(c.description),
  };
}

export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function nameOverlap(a: Prepared, b: Prepared): boolean {
  if (a.key && b.key && (a.key.includes(b.key) || b.key.includes(a.key))) return true;
  const named = (x: Prepared, y: Prepared): boolean =>
    x.key !== '' && (y.titleKey.includes(x.key) || (x.key.length >= 6 && y.textKey.includes(x.key)));
  return named(a, b) || named(b, a);
}

function judge(
  a: Prepared,
  b: Prepared,
  vectors: ReadonlyMap<string, Vector>,
  threshold: number,
): SameReason | undefined {
  if (a.c.source === b.c.source) return undefined;
  if (b.links.has(a.own) || a.links.has(b.own)) return 'linked';
  for (const id of a.arxivIds) if (b.arxivIds.has(id)) return 'arxiv-id';
  if (a.key !== '' && a.key === b.key) return 'name';
  if (!nameOverlap(a, b)) return undefined;
  const va = vectors.get(a.c.id);
  const vb = vectors.get(b.c.id);
  return va && vb && cosine(va, vb) >= threshold ? 'similar' : undefined;
}

/** Whether two candidates are one benchmark, and why (undefined: different). */
export function judgePair(
  a: BenchmarkCandidate,
  b: BenchmarkCandidate,
  vectors: ReadonlyMap<string, Vector>,
  threshold: number,
): SameReason | undefined {
  return judge(prepare(a), prepare(b), vectors, threshold);
}

/** The text embedded for the similarity rule. */
export const mergeText = (c: BenchmarkCandidate): string =>
  `${c.name} ${c.title}. ${c.description}`.slice(0, 2000);

function find(parent: number[], i: number): number {
  let root = i;
  while (parent[root] !== root) root = parent[root] ?? root;
  while (parent[i] !== root) {
    const next = parent[i] ?? root;
    parent[i] = root;
    i = next;
  }
  return root;
}

/** Groups of candidate ids judged one benchmark (singletons included), each group in input order. */
export function groupCandidates(
  candidates: readonly BenchmarkCandidate[],
  vectors: ReadonlyMap<string, Vector>,
  threshold: number,
): string[][] {
  const prepared = candidates.map(prepare);
  const parent = prepared.map((_, i) => i);
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const a = prepared[i];
      const b = prepared[j];
      if (a && b && find(parent, i) !== find(parent, j) && judge(a, b, vectors, threshold))
        parent[find(parent, j)] = find(parent, i);
    }
  }
  const groups = new Map<number, string[]>();
  prepared.forEach((p, i) => {
    const root = find(parent, i);
    groups.set(root, [...(groups.get(root) ?? []), p.c.id]);
  });
  return [...groups.values()];
}

const union = (lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())].sort();

function maxOf(
  members: readonly BenchmarkCandidate[],
  key: 'downloads' | 'stars' | 'likes',
): { [k: string]: number } {
  const values = members.flatMap((m) => (m.popularity[key] === undefined ? [] : [m.popularity[key] ?? 0]));
  return values.length > 0 ? { [key]: Math.max(...values) } : {};
}

export function mergeGroup(
  members: readonly BenchmarkCandidate[],
  scores: ReadonlyMap<string, ScoreRecord>,
): MergedBenchmark {
  const sorted = [...members].sort(
    (a, b) => SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) || (a.id < b.id ? -1 : 1),
  );
  const first = sorted[0];
  if (!first) throw new Error('mergeGroup needs at least one member');
  const scored = sorted
    .flatMap((m) => scores.get(m.id) ?? [])
    .sort((a, b) => b.rubric.overall - a.rubric.overall);
  const urls = (source: BenchmarkSourceName) => sorted.filter((m) => m.source === source).map((m) => m.url);
  return {
    id: first.id,
    name: sorted.find((m) => m.name.trim() !== '')?.name ?? first.title,
    title: first.title,
    description: sorted.find((m) => m.description.trim() !== '')?.description ?? '',
    sources: SOURCE_ORDER.filter((s) => sorted.some((m) => m.source === s)),
    memberIds: sorted.map((m) => m.id),
    urls: { arxiv: urls('arxiv'), github: urls('github'), huggingface: urls('huggingface') },
    links: union(sorted.map((m) => m.links)),
    task: union(sorted.map((m) => m.task)),
    modality: union(sorted.map((m) => m.modality)),
    metrics: union(sorted.map((m) => m.metrics)),
    license: sorted.find((m) => m.license !== null)?.license ?? null,
    popularity: { ...maxOf(sorted, 'downloads'), ...maxOf(sorted, 'stars'), ...maxOf(sorted, 'likes') },
    firstSeenAt: sorted.map((m) => m.firstSeenAt).sort()[0] ?? first.firstSeenAt,
    score: scored[0]?.rubric.overall ?? null,
    rubric: scored[0]?.rubric ?? null,
    keywords: union(sorted.map((m) => m.keywords)),
  };
}

export function mergeCandidates(
  candidates: readonly BenchmarkCandidate[],
  vectors: ReadonlyMap<string, Vector>,
  scores: ReadonlyMap<string, ScoreRecord>,
  threshold: number,
): MergedBenchmark[] {
  const byId = new Map(candidates.map((c) => [c.id, c]));
  return groupCandidates(candidates, vectors, threshold).map((ids) =>
    mergeGroup(
      ids.flatMap((id) => byId.get(id) ?? []),
      scores,
    ),
  );
}
