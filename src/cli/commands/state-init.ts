/**
 * `radar state init [--git]`: creates the state directory; with --git, makes it a git repository
 * (or keeps the one there) with a .gitignore that leaves derived data out (index/, fulltext/,
 * out/, the lock), so that the state can be committed and backed up as it is.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { RadarError } from '../../core/errors.ts';
import { writeStateGitignore } from '../../store/state-vcs.ts';
import type { CommandContext } from '../context.ts';

function gitInit(stateDir: string): void {
  const result = spawnSync('git', ['init', '--quiet', stateDir], { encoding: 'utf8' });
  if (result.error !== undefined)
    throw new RadarError(`cannot run git (${result.error.message}); install git or leave out --git`);
  if (result.status !== 0) throw new RadarError(`git init ${stateDir} failed: ${result.stderr.trim()}`);
}

export async function runStateInit(
  ctx: CommandContext,
  flags: { git?: boolean },
  out: (line: string) => void,
): Promise<number> {
  const existed = existsSync(ctx.stateDir);
  mkdirSync(ctx.stateDir, { recursive: true });
  out(existed ? `state directory ${ctx.stateDir} already exists` : `created ${ctx.stateDir}`);
  if (!flags.git) return 0;
  if (existsSync(join(ctx.stateDir, '.git'))) out('it is already a git repository: kept as it is');
  else {
    gitInit(ctx.stateDir);
    out('initialized a git repository in it');
  }
  const added = await writeStateGitignore(ctx.stateDir);
  out(
    added.length === 0
      ? '.gitignore already leaves the derived data out'
      : `.gitignore: ${added.join(' ')} left out (derived or temporary)`,
  );
  out(
    `commit the state with: git -C ${ctx.stateDir} add -A && git -C ${ctx.stateDir} commit -m "radar state"`,
  );
  return 0;
}
