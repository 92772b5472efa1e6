import { describe, expect, it } from 'vitest';
import { shardOf } from '../core/arxiv-id.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { type ImportSinks, type ImportSource, importParquetFile } from './import-parquet.ts';
import { emptyReport } from './import-report.ts';
import type { RowGroupSpan } from './source-columns.ts';

const MAPPING: ColumnMapping = {
  fields: { id: 'id', title: 'title', published: 'published' },
  vectors: [{ column: 'emb', model: 'm' }],
  unmappedVectors: [],
  ignored: [],
};

/** Row `i` of a month: a paper with a 2-dim vector. */
function row(month: string, i: number): Record<string, unknown> {
  return {
    id: `${month}.${String(i).padStart(5, '0')}`,
    title: `paper ${i}`,
    published: '2026-01-02',
    emb: Float32Array.from([1, i]),
  };
}

/** A source over rows held in memory, in row groups of `groupRows`. */
function sourceOf(rows: Record<string, unknown>[], groupRows: number): ImportSource {
  const groups: RowGroupSpan[] = [];
  for (let start = 0; start < rows.length; start += groupRows)
    groups.push({ index: groups.length, start, end: Math.min(rows.length, start + groupRows) });
  return {
    path: 'fake.parquet',
    rows: rows.length,
    rowGroups: groups,
    async *readRows(group) {
      // In two batches, as a reader hands a big group over in windows.
      const middle = Math.ceil((group.start + group.end) / 2);
      yield rows.slice(group.start, middle);
      yield rows.slice(middle, group.end);
    },
  };
}

interface Written {
  shard: string;
  papers: number;
  vectors: number;
}

/** Sinks that record each write: which shard, how many papers and vectors. */
function recordingSinks(): { sinks: ImportSinks; writes: Written[]; ids: Set<string> } {
  const writes: Written[] = [];
  const ids = new Set<string>();
  const sinks: ImportSinks = {
    async upsertPapers(papers) {
      const shards = new Set(papers.map((p) => shardOf(p.id)));
      expect(shards.size).toBe(1);
      for (const p of papers) ids.add(p.id);
      writes.push({ shard: shardOf(papers[0]?.id ?? ''), papers: papers.length, vectors: 0 });
      return { added: papers.length, updated: 0, unchanged: 0 };
    },
    async upsertVectors(_model, rows) {
      const last = writes.at(-1);
      if (last) last.vectors += rows.length;
    },
  };
  return { sinks, writes, ids };
}

const months = (counts: Array<[string, number]>): Record<string, unknown>[] =>
  counts.flatMap(([month, count]) => Array.from({ length: count }, (_, i) => row(month, i + 1)));

describe('importParquetFile', () => {
  it('writes each shard of a file in id order once, as soon as the file has moved past it', async () => {
    const rows = months([
      ['2601', 30],
      ['2602', 45],
      ['2603', 12],
    ]);
    const { sinks, writes } = recordingSinks();
    const report = emptyReport(['m']);
    await importParquetFile(
      sourceOf(rows, 7),
      sinks,
      { mapping: MAPPING, dims: new Map([['m', 2]]), siteUrl: 'https://arxiv.org', settleRows: 5 },
      report,
    );
    expect(writes).toEqual([
      { shard: '2601', papers: 30, vectors: 30 },
      { shard: '2602', papers: 45, vectors: 45 },
      { shard: '2603', papers: 12, vectors: 12 },
    ]);
    expect(report.rows).toBe(87);
    expect(report.vectors.get('m')?.stored).toBe(87);
  });

  it('holds at most the cap for a file in no order, and stores every row', async () => {
    const ordered = months([
      ['2601', 40],
      ['2602', 40],
      ['2603', 40],
    ]);
    // A fixed shuffle: every few rows change month.
    const rows = ordered.map((_, i) => ordered[(i * 37) % ordered.length] ?? {});
    const { sinks, writes, ids } = recordingSinks();
    await importParquetFile(
      sourceOf(rows, 50),
      sinks,
      { mapping: MAPPING, dims: new Map([['m', 2]]), siteUrl: 'https://arxiv.org', maxPendingRows: 20 },
      emptyReport(['m']),
    );
    expect(ids.size).toBe(120);
    expect(writes.reduce((sum, w) => sum + w.papers, 0)).toBe(120);
    // Each write hands over at most what was held: the cap plus the row that went past it.
    expect(Math.max(...writes.map((w) => w.papers))).toBeLessThanOrEqual(21);
  });
});
