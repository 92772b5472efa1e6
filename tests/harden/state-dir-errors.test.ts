/**
 * Only a missing directory reads as empty state; anything else (a file where a directory should
 * be, a directory that cannot be read) is a clear error naming the path, never a stack trace or
 * a silent "0 files". Corrupt run manifests are listed as corrupt, not dropped.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLedgerStore } from '../../src/store/ledger-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { createRunsStore } from '../../src/store/runs-store.ts';
import { checkState } from '../../src/store/state-check.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('--state that is not a usable directory', () => {
  it.each([['state', 'check'], ['run', '--once', '--offline'], ['status'], ['runs']])(
    'radar %s says so, naming the path, with exit 2 and no stack trace',
    (...args) => {
      const cwd = tempDir();
      writeFileSync(join(cwd, 'afile'), 'not a directory');
      const result = runCli(['--state', 'afile', ...args], { cwd });
      expect(result.stderr).toContain(`${join(cwd, 'afile')} is not a directory`);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.status).toBe(2);
    },
  );

  it('a file system error on the way (a file in the path) is one line naming the path, exit 1', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'afile'), 'not a directory');
    const result = runCli(['--state', 'afile/state', 'run', '--once', '--offline'], { cwd });
    expect(result.stderr).toMatch(/radar: .*afile.*: not a directory/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.status).toBe(1);
  });
});

describe('stores reading a directory', () => {
  it('read a missing directory as empty', async () => {
    const state = tempDir();
    expect(await createPapersStore(state).readAll()).toEqual([]);
    expect(await createLedgerStore(state).months()).toEqual([]);
    expect(await createRunsStore(state).list()).toEqual([]);
  });

  it('refuse to read a directory that is a file, naming it', async () => {
    const state = tempDir();
    for (const name of ['papers', 'ledger', 'runs']) writeFileSync(join(state, name), 'oops');
    await expect(createPapersStore(state).readAll()).rejects.toThrow(`${join(state, 'papers')}: cannot list`);
    await expect(createLedgerStore(state).months()).rejects.toThrow(`${join(state, 'ledger')}: cannot list`);
    await expect(createRunsStore(state).list()).rejects.toThrow(`${join(state, 'runs')}: cannot list`);
    await expect(checkState(join(state, 'papers'))).rejects.toThrow('cannot list');
  });

  it('list a corrupt run manifest as corrupt instead of dropping it', async () => {
    const state = tempDir();
    mkdirSync(join(state, 'runs', '20261121T080000Z-run-abcd'), { recursive: true });
    writeFileSync(join(state, 'runs', '20261121T080000Z-run-abcd', 'manifest.json'), '{"runId": ');
    const result = runCli(['--state', state, 'runs'], { cwd: state });
    expect(result.stdout).toContain('20261121T080000Z-run-abcd');
    expect(result.stdout).toContain('corrupt');
  });
});
