import { existsSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makePaper } from '../../tests/helpers/papers.ts';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import {
  papersCachePath,
  papersHeadsCachePath,
  readPapersCache,
  readPapersHeadsCache,
} from './papers-cache.ts';
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

  it('keeps a light view of each shard, without abstracts or authors', async () => {
    const dir = tempDir();
    const store = createPapersStore(dir);
    await store.upsert([makePaper('2511.00001', { abstract: 'long text' }), makePaper('2512.00001')]);
    const heads = await readPapersHeadsCache(
      papersHeadsCachePath(join(dir, 'index'), '2511'),
      join(dir, 'papers', '2511.csv'),
    );
    expect(heads?.map((h) => h.id)).toEqual(['2511.00001']);
    expect(heads?.[0]).not.toHaveProperty('abstract');
    expect(heads?.[0]).not.toHaveProperty('authors');
    const all = await store.readHeads();
    expect(all.map((h) => h.id)).toEqual(['2511.00001', '2512.00001']);
    expect(all[0]?.title).toBe((await store.get(['2511.00001'])).get('2511.00001')?.title);
  });

  it('never parses the full rows of a shard whose papers are all left out', async () => {
    const dir = tempDir();
    const store = createPapersStore(dir);
    const old = [makePaper('2510.00001'), makePaper('2510.00002')];
    await store.upsert([...old, makePaper('2511.00001')]);
    const fullCache = papersCachePath(join(dir, 'index'), '2510');
    rmSync(fullCache);
    const fresh = await createPapersStore(dir).readAll({ exclude: new Set(old.map((p) => p.id)) });
    expect(fresh.map((p) => p.id)).toEqual(['2511.00001']);
    // Reading 2510 in full would have rebuilt its cache.
    expect(existsSync(fullCache)).toBe(false);
    const inWindow = await createPapersStore(dir).readAll({ whereHead: (h) => h.id.startsWith('2511') });
    expect(inWindow.map((p) => p.id)).toEqual(['2511.00001']);
    expect(existsSync(fullCache)).toBe(false);
    expect((await createPapersStore(dir).readAll()).length).toBe(3);
  });

  it('rewrites only the caches of the shard a write touched', async () => {
    const dir = tempDir();
    const store = createPapersStore(dir);
    await store.upsert([makePaper('2510.00001'), makePaper('2511.00001')]);
    const index = join(dir, 'index');
    const before = [papersCachePath(index, '2510'), papersHeadsCachePath(index, '2510')].map(
      (f) => statSync(f, { bigint: true }).mtimeNs,
    );
    const touched = statSync(papersCachePath(index, '2511'), { bigint: true }).mtimeNs;
    await store.upsert([makePaper('2511.00002')]);
    const after = [papersCachePath(index, '2510'), papersHeadsCachePath(index, '2510')].map(
      (f) => statSync(f, { bigint: true }).mtimeNs,
    );
    expect(after).toEqual(before);
    expect(statSync(papersCachePath(index, '2511'), { bigint: true }).mtimeNs).not.toBe(touched);
    expect((await store.readHeads({ shards: ['2511'] })).map((h) => h.id)).toEqual([
      '2511.00001',
      '2511.00002',
    ]);
  });
});
