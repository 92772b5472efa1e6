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

describe('pending shards', () => {
  it('hands over a shard once a row group no longer adds to it', () => {
    const pending = createPendingShards(100);
    pending.beginGroup();
    pending.add(paper('2601.00001'), new Map([['m', new Float32Array([1])]]));
    pending.add(paper('2602.00001'), new Map());
    expect(pending.take()).toEqual([]);
    pending.beginGroup();
    pending.add(paper('2602.00002'), new Map());
    const taken = pending.take();
    expect(taken.map((s) => s.papers.map((p) => p.id))).toEqual([['2601.00001']]);
    expect(taken[0]?.vectors.get('m')?.get('2601.00001')).toEqual(new Float32Array([1]));
    expect(pending.size).toBe(2);
    expect(pending.take({ all: true }).map((s) => s.rows)).toEqual([2]);
    expect(pending.size).toBe(0);
  });

  it('hands over everything once more rows than the cap are held', () => {
    const pending = createPendingShards(2);
    pending.beginGroup();
    for (const id of ['2601.00001', '2601.00002', '2601.00003']) pending.add(paper(id), new Map());
    expect(pending.take().map((s) => s.rows)).toEqual([3]);
  });
});
