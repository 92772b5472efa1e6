/**
 * Which state files a backup holds: the files radar writes (see state-check.ts), less what
 * `radar state init --git` leaves out of a repository (derived data, rendered output, the lock,
 * temp files), the VCS's own files and the sync folder itself (the record and pull backups).
 */
import { isStateFile } from './state-check.ts';
import { STATE_GITIGNORE_LINES, VCS_DIRECTORIES, VCS_FILES } from './state-vcs.ts';

/**
 * The few gitignore shapes the state's .gitignore uses (`dir/`, `name`, `*` globs, no slash
 * inside), matched as git does: against any path segment. A full gitignore engine would be more
 * than these lines need.
 */
function compileIgnore(lines: readonly string[]): Array<{ dirOnly: boolean; pattern: RegExp }> {
  return lines
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const dirOnly = line.endsWith('/');
      const glob = dirOnly ? line.slice(0, -1) : line;
      const source = glob
        .split('')
        .map((c) => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
        .join('');
      return { dirOnly, pattern: new RegExp(`^${source}$`) };
    });
}

const IGNORED = compileIgnore(STATE_GITIGNORE_LINES);

/** Whether the state's .gitignore leaves this relative path out. */
export function isIgnoredPath(path: string): boolean {
  const segments = path.split('/');
  return IGNORED.some(({ dirOnly, pattern }) =>
    segments.some((segment, i) => (!dirOnly || i < segments.length - 1) && pattern.test(segment)),
  );
}

const SYNC_DIR = 'sync';

/** Left out of a backup on purpose: the sync folder, the VCS's files, what .gitignore leaves out. */
function isLeftOut(path: string): boolean {
  const segments = path.split('/');
  const top = segments[0] ?? '';
  if (top === SYNC_DIR || VCS_DIRECTORIES.has(top) || VCS_FILES.test(path)) return true;
  return segments.some((s) => s === '' || s === '.' || s === '..') || isIgnoredPath(path);
}

/** A relative, `/`-separated path of the state that push uploads and pull restores. */
export function isSyncedPath(path: string): boolean {
  return !isLeftOut(path) && isStateFile(path);
}

/** A file of the state that radar does not write: not backed up, and named so the user knows. */
export function isUnknownPath(path: string): boolean {
  return !isLeftOut(path) && !isStateFile(path);
}
