/**
 * Keeping the state in git: `radar state init --git` sets up a repository whose .gitignore leaves
 * the derived folders out, and `radar state check` ignores the VCS files.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: cwd,
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@t',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@t',
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

describe('state kept in git', () => {
  it('state init --git makes a repository that leaves derived data out; state check stays clean', () => {
    const cwd = tempDir();
    const state = join(cwd, 'state');
    const init = runCli(['--state', state, 'state', 'init', '--git'], { cwd });
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(existsSync(join(state, '.git'))).toBe(true);
    const ignore = readFileSync(join(state, '.gitignore'), 'utf8');
    for (const entry of ['index/', 'fulltext/', 'out/', '.lock']) expect(ignore).toContain(entry);

    expect(runCli(['--state', state, 'run', '--once', '--offline'], { cwd }).status).toBe(0);
    git(state, 'add', '-A');
    git(state, 'commit', '-q', '-m', 'state');
    const tracked = git(state, 'ls-files').split('\n').filter(Boolean);
    expect(tracked.some((f) => f.startsWith('papers/'))).toBe(true);
    expect(tracked.filter((f) => /^(index|fulltext|out)\//.test(f) || f === '.lock')).toEqual([]);

    const check = runCli(['--state', state, 'state', 'check'], { cwd });
    expect(check.stdout).not.toContain('unknown');
    expect(check.status).toBe(0);
  }, 60_000);

  it('state init --git on an existing repository keeps it and the user’s ignore lines', () => {
    const cwd = tempDir();
    const state = join(cwd, 'state');
    expect(runCli(['--state', state, 'state', 'init', '--git'], { cwd }).status).toBe(0);
    const again = runCli(['--state', state, 'state', 'init', '--git'], { cwd });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('already');
  });
});
