/** Failures of a sync that the user acts on: the two sides changed the same files, or the remote moved mid-push. */
import { RadarError } from '../core/errors.ts';
import type { Conflict } from './sync-plan.ts';

export class SyncConflictError extends RadarError {
  constructor(
    readonly conflicts: readonly Conflict[],
    repo: string,
  ) {
    const shown = conflicts.slice(0, 5).map((c) => `  ${c.path}: ${c.reason}`);
    const more = conflicts.length > 5 ? [`  … and ${conflicts.length - 5} more`] : [];
    super(
      [
        `${conflicts.length} file(s) differ between this state and ${repo}, changed on both sides: nothing was pushed`,
        ...shown,
        ...more,
        'pull them into a fresh directory to compare, or push with --force to replace the remote copies',
      ].join('\n'),
    );
  }
}

/** The Hub refused the commit because the branch moved after the push looked at it. */
export class RemoteMovedError extends RadarError {}
