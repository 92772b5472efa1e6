/**
 * Cross-source merge: a paper, its GitHub repository and its Hugging Face dataset become one
 * benchmark. Pairs are judged by their own names and authoritative links (merge-evidence.ts);
 * groups are built strongest evidence first and never hold two members of one source unless one
 * links the other, so a list or a second repository cannot chain two benchmarks together. The
 * similarity threshold is a veto: two candidates that share only a name but whose texts are
 * unrelated stay apart.
 */
import type { BenchmarkCandidate, BenchmarkSourceName } from './candidate.ts';
import {
  judgePrepared,
  linksOther,
  nameKey,
  type Prepared,
  prepare,
  REASON_STRENGTH,
  type SameReason,
  type Vector,
} from './merge-evidence.ts';
import type { MergedBenchmark, ScoreRecord } from './schemas.ts';

export { judgePair, normName, type SameReason, type Vector } from './merge-evidence.ts';

const SOURCE_ORDER: readonly BenchmarkSourceName[] = ['arxiv', 'github', 'huggingface'];

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

/** The text embedded for the similarity veto. */
export const mergeText = (c: BenchmarkCandidate): string =>
  `${c.name} ${c.title}. ${c.description}`.slice(0, 2000);

interface Edge {
  i: number;
  j: number;
  reason: SameReason;
}

/** A name-only match between texts with nothing in common (both described, cosine under the bar). */
function vetoed(a: Prepared, b: Prepared, vectors: ReadonlyMap<string, Vector>, threshold: number) {
  const va = vectors.get(a.c.id);
  const vb = vectors.get(b.c.id);
  const described = a.c.description.length >= 80 && b.c.description.length >= 80;
  return described && va !== undefined && vb !== undefined && cosine(va, vb) < threshold;
}

function edges(prepared: readonly Prepared[], vectors: ReadonlyMap<string, Vector>, threshold: number) {
  const found: Edge[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const a = prepared[i];
      const b = prepared[j];
      if (!a || !b) continue;
      const reason = judgePrepared(a, b);
      if (!reason) continue;
      if ((reason === 'name' || reason === 'title') && vetoed(a, b, vectors, threshold)) continue;
      found.push({ i, j, reason });
    }
  }
  return found.sort(
    (x, y) => REASON_STRENGTH[y.reason] - REASON_STRENGTH[x.reason] || x.i - y.i || x.j - y.j,
  );
}

/** Two groups may join when every pair of same-source members across them has one linking the other. */
function compatible(x: readonly Prepared[], y: readonly Prepared[]): boolean {
  return x.every((a) => y.every((b) => a.c.source !== b.c.source || linksOther(a, b)));
}

/** Groups of candidate ids judged one benchmark (singletons included), each group in input order. */
export function groupCandidates(
  candidates: readonly BenchmarkCandidate[],
  vectors: ReadonlyMap<string, Vector>,
  threshold: number,
): string[][] {
  const prepared = candidates.map(prepare);
  const groupOf = prepared.map((_, i) => i);
  const members = new Map(prepared.map((p, i) => [i, [p]]));
  const index = new Map(prepared.map((p, i) => [p, i]));
  for (const edge of edges(prepared, vectors, threshold)) {
    const gi = groupOf[edge.i] ?? edge.i;
    const gj = groupOf[edge.j] ?? edge.j;
    const x = members.get(gi) ?? [];
    const y = members.get(gj) ?? [];
    if (gi === gj || !compatible(x, y)) continue;
    members.set(gi, [...x, ...y]);
    members.delete(gj);
    for (const p of y) groupOf[index.get(p) ?? 0] = gi;
  }
  return [...members.values()].map((g) =>
    [...g].sort((a, b) => (index.get(a) ?? 0) - (index.get(b) ?? 0)).map((p) => p.c.id),
  );
}

const union = (lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())].sort();

function maxOf(
  members: readonly BenchmarkCandidate[],
  key: 'downloads' | 'stars' | 'likes',
): { [k: string]: number } {
  const values = members.flatMap((m) => (m.popularity[key] === undefined ? [] : [m.popularity[key] ?? 0]));
  return values.length > 0 ? { [key]: Math.max(...values) } : {};
}

/** A member's own name: a paper's benchmark name, a dataset's pretty name, a repository's name. */
function ownName(m: BenchmarkCandidate): string {
  if (m.source === 'huggingface' && m.title !== '' && !m.title.includes('/')) return m.title;
  return m.name.trim();
}

/**
 * The canonical name: the name whose key most members carry (a name two sources agree on),
 * then the paper's, the dataset's and the repository's, in that order.
 */
export function canonicalName(sorted: readonly BenchmarkCandidate[]): string {
  const prepared = sorted.map(prepare);
  let best = '';
  let bestVotes = -1;
  for (const m of sorted) {
    const name = ownName(m);
    const key = nameKey(name);
    if (name === '' || key === '') continue;
    const votes = prepared.filter((p) => p.keys.has(key)).length;
    if (votes > bestVotes) [best, bestVotes] = [name, votes];
  }
  return best || sorted.map(ownName).find((n) => n !== '') || (sorted[0]?.title ?? '');
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
    name: canonicalName(sorted),
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
    isBenchmark: scored.length === 0 || scored.some((r) => r.rubric.isBenchmark !== false),
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
