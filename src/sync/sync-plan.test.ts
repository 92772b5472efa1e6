import { describe, expect, it } from 'vitest';
import type { LocalFile } from '../store/sync-files.ts';
import { planAgainstRecord, planAgainstRemote, sameContent } from './sync-plan.ts';

const hex = (c: string, n: number): string => c.repeat(n);
const file = (path: string, v: string): LocalFile => ({
  path,
  sha256: hex(v, 64),
  gitOid: hex(v, 40),
  size: 10,
  mtimeMs: 1,
});
const synced = (v: string) => ({ sha256: hex(v, 64), gitOid: hex(v, 40), size: 10, mtimeMs: 1 });

describe('planAgainstRecord', () => {
  it('uploads new and changed files, keeps the rest, and lists recorded files gone here', () => {
    const plan = planAgainstRecord([file('a.csv', 'a'), file('b.csv', 'c'), file('new.csv', 'd')], {
      'a.csv': synced('a'),
      'b.csv': synced('b'),
      'gone.csv': synced('e'),
    });
    expect(plan.uploads.map((f) => f.path)).toEqual(['b.csv', 'new.csv']);
    expect(plan.unchanged.map((f) => f.path)).toEqual(['a.csv']);
    expect(plan.onlyRemote).toEqual(['gone.csv']);
    expect(plan.conflicts).toEqual([]);
  });
});

describe('planAgainstRemote', () => {
  const remote = [
    { path: 'same.csv', size: 10, gitOid: hex('a', 40) },
    { path: 'lfs.parquet', size: 10, gitOid: hex('9', 40), lfsSha256: hex('b', 64) },
    { path: 'ours.csv', size: 10, gitOid: hex('c', 40) },
    { path: 'theirs.csv', size: 10, gitOid: hex('f', 40) },
    { path: 'README.md', size: 10, gitOid: hex('0', 40) },
  ];
  it('compares LFS files by sha256 and others by git blob id, with the record as the common base', () => {
    const plan = planAgainstRemote(
      [
        file('same.csv', 'a'),
        file('lfs.parquet', 'b'),
        file('ours.csv', 'd'),
        file('theirs.csv', 'e'),
        file('new.csv', '1'),
      ],
      remote,
      { 'ours.csv': synced('c'), 'theirs.csv': synced('e') },
    );
    expect(plan.unchanged.map((f) => f.path)).toEqual(['same.csv', 'lfs.parquet']);
    // Changed here only (the remote still has what was recorded) → uploaded; new here → uploaded.
    expect(plan.uploads.map((f) => f.path)).toEqual(['ours.csv', 'new.csv']);
    expect(plan.conflicts).toEqual([
      { path: 'theirs.csv', reason: 'changed here and on the remote since the last sync' },
    ]);
    expect(plan.onlyRemote).toEqual(['README.md']);
  });

  it('without a record, a file that differs from the remote copy is a conflict, not an overwrite', () => {
    const plan = planAgainstRemote([file('ours.csv', 'd')], remote, undefined);
    expect(plan.conflicts).toEqual([
      { path: 'ours.csv', reason: 'differs from the remote copy, which this state never synced' },
    ]);
    expect(plan.uploads).toEqual([]);
  });

  it('sameContent never takes a pointer id for the content of an LFS file', () => {
    expect(
      sameContent({ path: 'x', size: 1, gitOid: hex('a', 40), lfsSha256: hex('b', 64) }, synced('a')),
    ).toBe(false);
  });
});
