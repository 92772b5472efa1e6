/**
 * Near-duplicates through the vector index: each paper asks for its few nearest neighbours,
 * pairs above the threshold are joined (union-find), and each cluster keeps its oldest id.
 * Never an all-pairs matrix: n queries of k neighbours each.
 */
import { compareIds } from '../core/arxiv-id.ts';
import type { VectorMatrix } from '../rank/vector-matrix.ts';
import type { Neighbor, VectorIndex } from './vector-index.ts';

export interface DedupOptions {
  /** Cosine similarity at or above which two papers are duplicates. */
  threshold: number;
  /** Neighbours asked per paper. */
  k?: number;
}

export interface DuplicateCluster {
  keep: string;
  duplicates: string[];
}

export type SearchFn = (vector: ArrayLike<number>, k: number) => Neighbor[];

function createUnionFind(): {
  find(id: string): string;
  union(a: string, b: string): void;
  members(): Map<string, string[]>;
} {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root) ?? root;
    let node = id;
    while (node !== root) {
      const next = parent.get(node) ?? root;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  return {
    find,
    union(a, b) {
      const ra = find(a);
      const rb = find(b);
      if (!parent.has(ra)) parent.set(ra, ra);
      if (!parent.has(rb)) parent.set(rb, rb);
      if (ra !== rb) parent.set(compareIds(ra, rb) < 0 ? rb : ra, compareIds(ra, rb) < 0 ? ra : rb);
    },
    members() {
      const groups = new Map<string, string[]>();
      for (const id of parent.keys()) {
        const root = find(id);
        // Appended in place: copying the group per member made large clusters quadratic.
        const group = groups.get(root);
        if (group) group.push(id);
        else groups.set(root, [id]);
      }
      return groups;
    },
  };
}

type UnionFind = ReturnType<typeof createUnionFind>;

function joinNeighbors(sets: UnionFind, id: string, found: readonly Neighbor[], threshold: number): void {
  for (const neighbor of found) {
    if (neighbor.id !== id && neighbor.similarity >= threshold) sets.union(id, neighbor.id);
  }
}

function clustersOf(sets: UnionFind): DuplicateCluster[] {
  const clusters: DuplicateCluster[] = [];
  for (const members of sets.members().values()) {
    if (members.length < 2) continue;
    const sorted = members.sort(compareIds);
    clusters.push({ keep: sorted[0] ?? '', duplicates: sorted.slice(1) });
  }
  return clusters.sort((a, b) => compareIds(a.keep, b.keep));
}

/** Clusters of near-duplicates among the neighbourhoods of `queries`; singletons are left out. */
export function findNearDuplicates(
  queries: Iterable<{ id: string; vector: ArrayLike<number> }>,
  search: SearchFn,
  options: DedupOptions,
): DuplicateCluster[] {
  const sets = createUnionFind();
  const k = options.k ?? 5;
  for (const { id, vector } of queries) joinNeighbors(sets, id, search(vector, k + 1), options.threshold);
  return clustersOf(sets);
}

/**
 * The same clusters for the rows of `rows` (typically only the new papers) against `index`, with
 * every query answered in one parallel batch; `ef` as in `VectorIndex.search`.
 */
export function findNearDuplicatesOf(
  rows: VectorMatrix,
  index: VectorIndex,
  options: DedupOptions & { ef?: number },
): DuplicateCluster[] {
  const sets = createUnionFind();
  const k = options.k ?? 5;
  const found = index.searchMany(rows, k + 1, options.ef === undefined ? {} : { ef: options.ef });
  rows.ids.forEach((id, i) => {
    joinNeighbors(sets, id, found[i] ?? [], options.threshold);
  });
  return clustersOf(sets);
}

/** Every id that a cluster drops. */
export function duplicateIds(clusters: readonly DuplicateCluster[]): Set<string> {
  return new Set(clusters.flatMap((c) => c.duplicates));
}
