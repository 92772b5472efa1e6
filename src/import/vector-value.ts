/**
 * One imported vector cell: a vector to store (L2-normalized, as every embedder of ours returns
 * them), or missing. The old layout writes new rows with all-zero or NaN vectors until they are
 * embedded: those are missing, to be embedded by `radar embed`, not errors.
 */
export type VectorValue =
  | { kind: 'vector'; vector: Float32Array }
  | { kind: 'missing'; why: 'null' | 'zero' | 'nan' }
  | { kind: 'invalid'; why: string };

function values(cell: unknown): ArrayLike<unknown> | undefined {
  if (Array.isArray(cell)) return cell;
  if (cell instanceof Float32Array || cell instanceof Float64Array) return cell;
  return undefined;
}

export function readVector(cell: unknown, dims: number): VectorValue {
  if (cell === null || cell === undefined) return { kind: 'missing', why: 'null' };
  const items = values(cell);
  if (!items) return { kind: 'invalid', why: 'not a list of numbers' };
  if (items.length === 0) return { kind: 'missing', why: 'null' };
  if (items.length !== dims) return { kind: 'invalid', why: `${items.length} values, expected ${dims}` };
  const vector = new Float32Array(dims);
  let norm = 0;
  let nan = false;
  for (let i = 0; i < dims; i += 1) {
    const value = items[i];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      if (typeof value === 'number' || value === null) nan = true;
      else return { kind: 'invalid', why: `value ${i} is not a number` };
      continue;
    }
    vector[i] = value;
    norm += value * value;
  }
  if (nan) return { kind: 'missing', why: 'nan' };
  if (norm === 0) return { kind: 'missing', why: 'zero' };
  const scale = 1 / Math.sqrt(norm);
  for (let i = 0; i < dims; i += 1) vector[i] = (vector[i] ?? 0) * scale;
  return { kind: 'vector', vector };
}
