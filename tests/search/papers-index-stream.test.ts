import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFileError } from '../../src/core/errors.ts';
import { streamPaperTexts } from '../../src/store/paper-rows-stream.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { statePaths } from '../../src/store/paths.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

async function collect(file: string) {
  const rows = [];
  for await (const row of streamPaperTexts(file)) rows.push(row);
  return rows;
}

describe('streamed paper texts for the index build', () => {
  it('yields each paper of a shard with exactly the title and abstract the store reads', async () => {
    const stateDir = tempDir();
    const store = createPapersStore(stateDir);
    const papers = Array.from({ length: 40 }, (_, i) =>
      makePaper(`2511.${String(i).padStart(5, '0')}`, {
        title: i % 3 === 0 ? `Quotes "q", commas, ${i}` : ` Leading space ${i}`,
        abstract: i % 4 === 0 ? `Line one\nline two — ünïcode ${'x'.repeat(i * 50)}` : `Plain ${i}.`,
      }),
    );
    await store.upsert(papers);
    const streamed = await collect(statePaths(stateDir).papersShard('2511'));
    const read = (await store.readShard('2511')).map((p) => ({
      id: p.id,
      title: p.title,
      abstract: p.abstract,
    }));
    expect(streamed).toEqual(read);
    expect(streamed).toHaveLength(40);
    expect(await collect(join(stateDir, 'missing.csv'))).toEqual([]);
  });

  it('refuses a shard with another header or an invalid row, naming the file and the row', async () => {
    const stateDir = tempDir();
    await createPapersStore(stateDir).upsert([makePaper('2511.00001'), makePaper('2511.00002')]);
    const file = statePaths(stateDir).papersShard('2511');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('2511.00002', 'not-an-id'));
    await expect(collect(file)).rejects.toThrow(/row 3: id/);
    await expect(collect(file)).rejects.toBeInstanceOf(StateFileError);
    await writeFile(file, text.replace(/^id,version/, 'key,version'));
    await expect(collect(file)).rejects.toThrow(/unexpected header/);
  });
});
