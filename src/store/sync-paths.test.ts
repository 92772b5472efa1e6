import { describe, expect, it } from 'vitest';
import { isIgnoredPath, isSyncedPath, isUnknownPath } from './sync-paths.ts';

describe('the paths a backup holds', () => {
  it('holds the files radar writes', () => {
    for (const path of [
      'papers/2511.csv',
      'labels.csv',
      'embeddings/hashing-384/2511.parquet',
      'cursors.json',
      'runs/r1/manifest.json',
    ])
      expect(isSyncedPath(path), path).toBe(true);
  });

  it('leaves out what the state .gitignore leaves out, at any depth, and the sync folder', () => {
    for (const path of [
      'index/hashing/graph.bin',
      'fulltext/2511.00001.md',
      'out/digest.html',
      'cache/x.json',
      'runs/r1/index/x.json',
      '.lock',
      '.lock.break',
      'papers/.2511.csv.tmp-12-abcd',
      'sync/hf.json',
      'sync/backup/20261201T030000Z/labels.csv',
      '.git/config',
      '.gitignore',
    ])
      expect(isSyncedPath(path), path).toBe(false);
    expect(isIgnoredPath('out')).toBe(false); // a file named out is not the out/ directory
  });

  it('names files radar does not write, but not the ones left out on purpose', () => {
    expect(isUnknownPath('notes.txt')).toBe(true);
    expect(isUnknownPath('index/x')).toBe(false);
    expect(isUnknownPath('papers/2511.csv')).toBe(false);
  });
});
