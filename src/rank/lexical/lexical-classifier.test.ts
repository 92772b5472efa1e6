import { describe, expect, it } from 'vitest';
import { createRandom } from '../prng.ts';
import { C_GRID, trainLexicalClassifier } from './lexical-classifier.ts';
import { toCsr } from './sparse-matrix.ts';
import type { SparseRow } from './sparse-row.ts';

/** 300 labeled rows: four frequent noise features (in 80 % of rows), rare informative ones, 10 % flipped labels. */
function noisyRows(seed: number): { rows: SparseRow[]; y: Uint8Array; shares: Float64Array } {
  const random = createRandom(seed);
  const rows: SparseRow[] = [];
  const y = new Uint8Array(300);
  for (let i = 0; i < y.length; i++) {
    const positive = random() < 0.3;
    const features = new Set<number>();
    for (let f = 0; f < 4; f++) if (random() < 0.8) features.add(f);
    features.add(positive ? 4 + Math.floor(random() * 6) : 10 + Math.floor(random() * 30));
    features.add(10 + Math.floor(random() * 30));
    const indices = Int32Array.from(features).sort();
    rows.push({ indices, values: Float32Array.from(indices, (f) => (f < 4 ? 2 : 1) * random()) });
    y[i] = (positive ? 1 : 0) ^ (random() < 0.1 ? 1 : 0);
  }
  return { rows, y, shares: Float64Array.from({ length: 40 }, (_, f) => (f < 4 ? 0.8 : 0.05)) };
}

describe('the lexical classifier’s k-fold choice of C and max_df', () => {
  it('tries the whole C grid on the loosest bound, and the best C’s neighbours on the others', () => {
    const chosen: (number | undefined)[] = [];
    for (let seed = 1; seed <= 6; seed++) {
      const { rows, y, shares } = noisyRows(seed);
      const options = { seed, criterion: 'average-precision' as const };
      const trained = trainLexicalClassifier(toCsr(rows), y, 40, {
        ...options,
        maxDfGrid: { shares, caps: [0.1, 0.5, 1] },
      });
      const { grid, c, maxDf } = trained.choice;
      chosen.push(maxDf);
      const tried = grid.map((g) => g.c);
      expect(tried).toContain(c);
      if (maxDf === 1) expect(tried).toEqual(C_GRID);
      else {
        // A window of consecutive grid values: the best C so far and its neighbours.
        expect(tried.length).toBeLessThanOrEqual(3);
        const first = C_GRID.indexOf(tried[0] ?? -1);
        expect(first).toBeGreaterThanOrEqual(0);
        expect(tried).toEqual(C_GRID.slice(first, first + tried.length));
      }
      // One bound alone is walked over the whole grid.
      const alone = trainLexicalClassifier(toCsr(rows), y, 40, {
        ...options,
        maxDfGrid: { shares, caps: [0.5] },
      });
      expect(alone.choice.grid.map((g) => g.c)).toEqual(C_GRID);
    }
    // The noise features are over the tighter bounds: some seeds choose one of those.
    expect(chosen.some((m) => m !== 1)).toBe(true);
  });
});
