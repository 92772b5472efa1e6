import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePaper } from '../../tests/helpers/papers.ts';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { papersCachePath, readPapersCache } from './papers-cache.ts';
import { createPapersStore } from './papers-store.ts';

const tempDir = useTempDirs();

describe('papers cache', () => {
  it('is written with the shard and read back equal to the CSV', async () => {
    const dir = tempDir();
    const store = createPapersStore(dir);
    const papers = [makePaper('2511.00001', { comment: 'a, "b"\nc' }), makePaper('2511.00002')];
    await store.upsert(papers);
    const cached = await readPapersCache(
      papersCachePath(join(dir, 'index'), '2511'),
      join(dir, 'papers', '2511.csv'),
    );
    expect(cached).toEqual(papers);
    expect(await createPapersStore(dir).readAll()).toEqual(papers);
  });

  it('goes stale when the CSV changes behind it, and the CSV wins', async () => {
    const dir = tempDir();
    await createPapersStore(dir).upsert([makePaper('2511.00001', { title: 'Old title' })]);
    const csv = join(dir, 'papers', '2511.csv');
    writeFileSync(csv, readFileSync(csv, 'utf8').replace('Old title', 'Edited by hand'));
    const future = new Date(Date.now() + 5000);
    utimesSync(csv, future, future);
    const cacheFile = papersCachePath(join(dir, 'index'), '2511');
    expect(await readPapersCache(cacheFile, csv)).toBeUndefined();
    const [paper] = await createPapersStore(dir).readAll();
    expect(paper?.title).toBe('Edited by hand');
    // Rebuilt on that read.
    expect((await readPapersCache(cacheFile, csv))?.[0]?.title).toBe('Edited by hand');
  });

  it('ignores a corrupt cache', async () => {
    const dir = tempDir();
    await createPapersStore(dir).upsert([makePaper('2511.00001')]);
    const cacheFile = papersCachePath(join(dir, 'index'), '2511');
    const stamp = readFileSync(cacheFile, 'utf8').split('\n')[0];
    writeFileSync(cacheFile, `${stamp}\n[{"id": "2511.0`);
    expect(await createPapersStore(dir).readAll()).toHaveLength(1);
  });
});
