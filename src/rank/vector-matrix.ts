/** Row-major vectors with their ids: what the embeddings store loads and the ranker works on. */

export interface VectorMatrix {
  ids: string[];
  dims: number;
  /** ids.length × dims floats, row-major. */
  data: Float32Array;
}

export function rowIndex(matrix: VectorMatrix): Map<string, number> {
  return new Map(matrix.ids.map((id, i) => [id, i]));
}

/** The rows at `indices`, copied into a new matrix. */
export function selectRows(matrix: VectorMatrix, indices: readonly number[]): VectorMatrix {
  const { dims } = matrix;
  const data = new Float32Array(indices.length * dims);
  indices.forEach((row, i) => {
    data.set(matrix.data.subarray(row * dims, (row + 1) * dims), i * dims);
  });
  return { ids: indices.map((row) => matrix.ids[row] ?? ''), dims, data };
}

export function rowOf(matrix: VectorMatrix, row: number): Float32Array {
  return matrix.data.subarray(row * matrix.dims, (row + 1) * matrix.dims);
}
