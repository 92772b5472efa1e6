import { describe, expect, it } from 'vitest';
import type { Paper } from '../store/schemas.ts';
import { createPendingShards } from './pending-shards.ts';

const paper = (id: string): Paper => ({
  id,
  version: 1,
  title: id,
  abstract: '',
  authors: [],
  categories: [],
  primaryCategory: '',
  published: '2026-01-01T00:00:00Z',
  updated: '2026-01-01T00:00:00Z',
  absUrl: '',
  pdfUrl: '',
});

const ids = (month: string, from: number, count: number): string[] =>
  Array.from({ length: count }, (_, i) => `${month}.${String(from + i).padStart(5, '0')}`);

describe('pending shards', () => {
  it('hands over a shard once the file has read `settleRows` rows past its last one', () => {
    const pending = createPendingShards({ maxRows: 100, settleRows: 3 });
    pending.add(paper('2601.00001'), new Map([['m', new Float32Array([1])]]));
    pending.add(paper('2601.00002'), new Map());
    for (const id of ids('2602', 1, 2)) pending.add(paper(id), new Map());
    expect(pending.take()).toEqual([]);
    pending.add(paper('2602.00003'), new Map());
    const taken = pending.take();
    expect(taken.map((s) => s.papers.map((p) => p.id))).toEqual([['2601.00001', '2601.00002']]);
    expect(taken[0]?.vectors.get('m')?.get('2601.00001')).toEqual(new Float32Array([1]));
    expect(pending.size).toBe(3);
    expect(pending.take({ all: true }).map((s) => [s.key, s.rows])).toEqual([['2602', 3]]);
    expect(pending.size).toBe(0);
  });

  it('is due every `settleRows` rows, and at once over the cap', () => {
    const pending = createPendingShards({ maxRows: 5, settleRows: 3 });
    expect(pending.due).toBe(false);
    for (const id of ids('2601', 1, 2)) pending.add(paper(id), new Map());
    expect(pending.due).toBe(false);
    pending.add(paper('2601.00003'), new Map());
    expect(pending.due).toBe(true);
    expect(pending.take()).toEqual([]);
    expect(pending.due).toBe(false);
    for (const id of ids('2601', 4, 3)) pending.add(paper(id), new Map());
    expect(pending.size).toBe(6);
    expect(pending.due).toBe(true);
  });

  it('over the cap, hands over the shards the file left longest ago until half the cap is held', () => {
    const pending = createPendingShards({ maxRows: 6, settleRows: 100 });
    // Shards in no order: 2603 was last seen first, then 2601, then 2602.
    for (const id of ['2603.00001', '2601.00001', '2602.00001', '2601.00002', '2603.00002'])
      pending.add(paper(id), new Map());
    for (const id of ['2601.00003', '2602.00002', '2602.00003']) pending.add(paper(id), new Map());
    expect(pending.size).toBe(8);
    // Last rows: 2603 at 5, 2601 at 6, 2602 at 8. 8 - 2 (2603) = 6 > 3, 6 - 3 (2601) = 3.
    expect(pending.take().map((s) => s.key)).toEqual(['2601', '2603']);
    expect(pending.size).toBe(3);
  });

  it('keeps a paper seen twice in one shard, its vector the later one', () => {
    const pending = createPendingShards({ maxRows: 10, settleRows: 10 });
    pending.add(paper('2601.00001'), new Map([['m', new Float32Array([1])]]));
    pending.add(paper('2601.00001'), new Map([['m', new Float32Array([2])]]));
    const [shard] = pending.take({ all: true });
    expect(shard?.papers).toHaveLength(2);
    expect(shard?.vectors.get('m')?.get('2601.00001')).toEqual(new Float32Array([2]));
  });
});
