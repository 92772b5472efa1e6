import { describe, expect, it } from 'vitest';
import { createMemoryLexicalRowsStore } from '../../store/memory/memory-lexical-rows-store.ts';
import { visitRows } from './rows-cache.ts';
import type { SparseRow } from './sparse-row.ts';

/** A toy transform: one column per distinct word length, so rows are easy to tell apart. */
const transform = (text: string): SparseRow => {
  const lengths = [...new Set(text.split(' ').map((w) => w.length))].sort((a, b) => a - b);
  return { indices: Int32Array.from(lengths), values: Float32Array.from(lengths, () => 1) };
};

const papers = [
  { id: '2601.00001', title: 'a bb', body: 'ccc' },
  { id: '2601.00002', title: 'dddd', body: 'e' },
  { id: '2602.00001', title: 'ff', body: 'ggggg hh' },
];

describe('visitRows', () => {
  it('builds each text only when its row is checked, then reads the stored rows', async () => {
    const deps = { store: createMemoryLexicalRowsStore(), model: 'tfidf', vocabulary: 'v1', transform };
    const events: string[] = [];
    const textOf = (p: (typeof papers)[number]): string => {
      events.push(`text ${p.id}`);
      return `${p.title} ${p.body}`;
    };
    const first = await visitRows(deps, papers, textOf, (i) => events.push(`row ${papers[i]?.id}`));
    expect(first).toMatchObject({ transformed: 3, cached: 0, shardsWritten: 2 });
    // Interleaved: no text is built before the previous paper's row was visited.
    expect(events).toEqual(papers.flatMap((p) => [`text ${p.id}`, `row ${p.id}`]));

    const rows: number[][] = [];
    const again = await visitRows(deps, papers, textOf, (i, row) => {
      rows[i] = Array.from(row.indices);
    });
    expect(again).toMatchObject({ transformed: 0, cached: 3, shardsWritten: 0 });
    expect(rows).toEqual([
      [1, 2, 3],
      [1, 4],
      [2, 5],
    ]);
  });
});
