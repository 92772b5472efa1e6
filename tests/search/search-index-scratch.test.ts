import { readdir } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { createIndexBuilder, type IndexBuilder, toIndex } from '../../src/search/bm25/index-builder.ts';
import { createScratchSpill } from '../../src/store/search-index-scratch.ts';
import { decodeSearchIndex, encodeSearchIndex } from '../../src/store/search-index-store.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

/** Documents with many postings each (so a segment spans several read buffers), deterministic. */
function addDocuments(builder: IndexBuilder, from: number, count: number): void {
  for (let d = from; d < from + count; d++) {
    builder.add({
      id: `d${String(d).padStart(5, '0')}`,
      hash: d,
      title: (emit) => {
        for (let k = 0; k < 3; k++) emit(builder.intern(`t${(d * 7 + k) % 50}`));
      },
      text: (emit) => {
        for (let k = 0; k < 80; k++) emit(builder.intern(`w${(d * 13 + k * k) % (400 + (d % 300))}`));
      },
    });
  }
}

function build(spill?: ReturnType<typeof createScratchSpill>) {
  const builder = createIndexBuilder(undefined, undefined, spill);
  addDocuments(builder, 0, 1500);
  builder.seal();
  addDocuments(builder, 1500, 1700);
  return builder.finish();
}

describe('search index scratch files', () => {
  it('writes the same index file from spilled segments as from segments in memory, and removes its files', async () => {
    const dir = tempDir();
    const inMemory = build();
    expect(inMemory.postingCount).toBeGreaterThan(3 * 65_536);
    const spill = createScratchSpill(dir);
    const spilled = build(spill);
    expect(spilled.segments.every((segment) => 'read' in segment)).toBe(true);
    expect((await readdir(dir)).length).toBe(2);
    const file = (index: Parameters<typeof encodeSearchIndex>[0]['index']) =>
      Buffer.from(encodeSearchIndex({ analyzer: 'a', shards: { 2511: '1:2' }, index }));
    const bytes = file(spilled);
    expect(bytes.equals(file(inMemory))).toBe(true);
    // Read again from the start (the readers go back), merged into one index in memory.
    const merged = toIndex(spilled);
    expect(
      Buffer.from(merged.postingDocs.buffer).equals(Buffer.from(toIndex(inMemory).postingDocs.buffer)),
    ).toBe(true);
    expect(file(merged).equals(bytes)).toBe(true);
    expect(decodeSearchIndex(bytes)?.index.postingDocs.length).toBe(inMemory.postingCount);
    spill.dispose();
    spill.dispose();
    expect(await readdir(dir)).toEqual([]);
  });
});
