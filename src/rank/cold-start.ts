/**
 * Before there are enough labels, papers are scored by their best cosine similarity to the
 * seed interests written in config, embedded by the same model as the papers.
 */
import type { VectorMatrix } from './vector-matrix.ts';

export type EmbedTexts = (texts: readonly string[]) => Promise<Float32Array[]>;

function norm(v: ArrayLike<number>, offset = 0, length = v.length): number {
  let sum = 0;
  for (let i = 0; i < length; i++) {
    const value = v[offset + i] ?? 0;
    sum += value * value;
  }
  return Math.sqrt(sum);
}

/** For each row, the highest cosine similarity to any of the interest vectors. */
export function similarityToInterests(
  matrix: VectorMatrix,
  interests: readonly Float32Array[],
): Float64Array {
  const { dims, data } = matrix;
  const rows = matrix.ids.length;
  const unit = interests.map((v) => {
    const n = norm(v) || 1;
    return Float64Array.from(v, (x) => x / n);
  });
  const out = new Float64Array(rows).fill(unit.length > 0 ? Number.NEGATIVE_INFINITY : 0);
  for (let r = 0; r < rows; r++) {
    const offset = r * dims;
    const n = norm(data, offset, dims) || 1;
    for (const interest of unit) {
      let dot = 0;
      for (let j = 0; j < dims; j++) dot += (data[offset + j] ?? 0) * (interest[j] ?? 0);
      out[r] = Math.max(out[r] ?? 0, dot / n);
    }
  }
  return out;
}

export async function coldStartScores(
  matrix: VectorMatrix,
  seedInterests: readonly string[],
  embed: EmbedTexts,
): Promise<Float64Array> {
  const interests = seedInterests.length > 0 ? await embed(seedInterests) : [];
  return similarityToInterests(matrix, interests);
}
