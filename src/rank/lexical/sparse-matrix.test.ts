import { describe, expect, it } from 'vitest';
import { createRandom } from '../prng.ts';
import { createRowBlocks, toCsr } from './sparse-matrix.ts';
import type { SparseRow } from './sparse-row.ts';

function randomRow(random: () => number, length: number): SparseRow {
  const indices = Int32Array.from({ length }, (_, k) => k * 3 + Math.floor(random() * 3));
  return { indices, values: Float32Array.from(indices, () => random()) };
}

describe('row blocks', () => {
  it('keeps every row whole across block boundaries, a row longer than a block included', () => {
    const random = createRandom(4);
    // ~1,500 entries per row: a 65,536-entry block holds 43 of them, then the next starts.
    const rows = Array.from({ length: 120 }, (_, i) => randomRow(random, i === 50 ? 70_000 : 1_000 + i * 9));
    const blocks = createRowBlocks();
    rows.forEach((row, i) => {
      expect(blocks.add(row)).toBe(i);
    });
    expect(blocks.rows).toBe(120);
    rows.forEach((row, i) => {
      const stored = blocks.row(i);
      expect(Array.from(stored.indices)).toEqual(Array.from(row.indices));
      expect(Array.from(stored.values)).toEqual(Array.from(row.values));
    });
    const csr = blocks.toCsr();
    const reference = toCsr(rows);
    expect(Array.from(csr.offsets)).toEqual(Array.from(reference.offsets));
    expect(csr.indices).toEqual(reference.indices);
    expect(csr.values).toEqual(reference.values);
  });

  it('packs the rows in a given order (rows added as a cache visits them, packed by label)', () => {
    const random = createRandom(9);
    const rows = Array.from({ length: 6 }, (_, i) => randomRow(random, 2 + i));
    const blocks = createRowBlocks();
    const visitOrder = [4, 1, 5, 0, 3, 2];
    const blockOf = new Uint32Array(rows.length);
    for (const i of visitOrder) blockOf[i] = blocks.add(rows[i] as SparseRow);
    const csr = blocks.toCsr(blockOf);
    const reference = toCsr(rows);
    expect(Array.from(csr.offsets)).toEqual(Array.from(reference.offsets));
    expect(csr.indices).toEqual(reference.indices);
    expect(csr.values).toEqual(reference.values);
  });
});
