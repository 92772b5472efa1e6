/**
 * Latent topics of the whole corpus (latent semantic analysis): the top right singular vectors of
 * the corpus's tf-idf rows, found by subspace iteration on the sparse rows (XᵀX is never formed;
 * each step is two passes over the non-zeros, O(nnz·m) plus O(V·m²) to orthonormalize). Pure.
 *
 * Why: the sub-topics of one interest often share no distinctive words among the liked papers
 * (quantization, KV cache and speculative decoding papers are as far apart in tf-idf as from
 * retrieval papers), but across the whole corpus their words co-occur with the same broad
 * vocabulary (inference, memory, latency, throughput), so on a few corpus-wide topics they point
 * the same way while two different interests do not.
 */
import type { SparseRow } from '../rank/lexical/sparse-row.ts';
import type { Random } from '../rank/prng.ts';
import { normalizeRow } from './kmeans.ts';

const ITERATIONS = 25;

/** Gram–Schmidt on the columns of a V × m matrix, in place. */
function orthonormalize(basis: Float64Array, columns: number, m: number): void {
  for (let j = 0; j < m; j++) {
    for (let p = 0; p < j; p++) {
      let dot = 0;
      for (let v = 0; v < columns; v++) dot += (basis[v * m + j] ?? 0) * (basis[v * m + p] ?? 0);
      for (let v = 0; v < columns; v++)
        basis[v * m + j] = (basis[v * m + j] ?? 0) - dot * (basis[v * m + p] ?? 0);
    }
    let norm = 0;
    for (let v = 0; v < columns; v++) norm += (basis[v * m + j] ?? 0) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let v = 0; v < columns; v++) basis[v * m + j] = (basis[v * m + j] ?? 0) / norm;
  }
}

/** X·B: one row of m values per sparse row. */
function project(rows: readonly SparseRow[], basis: Float64Array, m: number): Float64Array {
  const out = new Float64Array(rows.length * m);
  rows.forEach((row, r) => {
    row.indices.forEach((column, k) => {
      const value = row.values[k] ?? 0;
      for (let j = 0; j < m; j++)
        out[r * m + j] = (out[r * m + j] ?? 0) + value * (basis[column * m + j] ?? 0);
    });
  });
  return out;
}

/** Xᵀ·Y: V × m. */
function backProject(rows: readonly SparseRow[], y: Float64Array, columns: number, m: number): Float64Array {
  const out = new Float64Array(columns * m);
  rows.forEach((row, r) => {
    row.indices.forEach((column, k) => {
      const value = row.values[k] ?? 0;
      for (let j = 0; j < m; j++)
        out[column * m + j] = (out[column * m + j] ?? 0) + value * (y[r * m + j] ?? 0);
    });
  });
  return out;
}

export interface TopicBasis {
  /** V × m, row-major: the topic directions over the vocabulary's columns. */
  basis: Float64Array;
  columns: number;
  components: number;
}

/** The top `components` topic directions of the rows (over `columns` vocabulary columns). */
export function fitTopics(
  rows: readonly SparseRow[],
  columns: number,
  components: number,
  random: Random,
): TopicBasis {
  const m = Math.max(1, Math.min(components, columns));
  let basis: Float64Array = Float64Array.from({ length: columns * m }, () => random() - 0.5);
  orthonormalize(basis, columns, m);
  for (let it = 0; it < ITERATIONS && rows.length > 0; it++) {
    basis = backProject(rows, project(rows, basis, m), columns, m);
    orthonormalize(basis, columns, m);
  }
  return { basis, columns, components: m };
}

/** Each row's topic weights, L2-normalized (a row with no vocabulary term stays zero). */
export function topicPoints(
  rows: readonly SparseRow[],
  topics: TopicBasis,
): { count: number; dims: number; data: Float32Array } {
  const m = topics.components;
  const data = Float32Array.from(project(rows, topics.basis, m));
  for (let r = 0; r < rows.length; r++) normalizeRow(data, r, m);
  return { count: rows.length, dims: m, data };
}
