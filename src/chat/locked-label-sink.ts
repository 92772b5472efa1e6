/**
 * Label writes from a bot that runs beside `radar run`: the state lock is taken only around each
 * write. When another radar process holds it, the changes are appended to the pending file and
 * applied (in time order, last change wins) by the next write that gets the lock.
 * Not for a process that already holds the lock (the daemon): acquireStateLock treats a lock of
 * its own pid as stale and would take it over; such a process passes the labels store itself.
 */
import { StateLockedError } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { LabelChange } from '../store/labels-store.ts';
import { acquireStateLock } from '../store/state-lock.ts';
import type { Stores } from '../store/stores.ts';
import type { LabelSink } from './label-events.ts';

export interface LockedLabelSinkDeps {
  stores: Pick<Stores, 'labels' | 'pendingLabels'>;
  /** The state directory whose lock is taken around each write. */
  stateDir: string;
  logger: Pick<Logger, 'info' | 'warn'>;
}

export function createLockedLabelSink(deps: LockedLabelSinkDeps): LabelSink & {
  /** Applies pending changes if the lock is free; returns how many rows changed. */
  drain(): Promise<number>;
} {
  const { stateDir, logger } = deps;
  const { labels, pendingLabels: pending } = deps.stores;

  async function applyLocked(changes: readonly LabelChange[]): Promise<number | undefined> {
    let lock: Awaited<ReturnType<typeof acquireStateLock>>;
    try {
      lock = await acquireStateLock(stateDir, 'bot');
    } catch (error) {
      if (error instanceof StateLockedError) return undefined;
      throw error;
    }
    try {
      const queued = await pending.readAll();
      const changed = await labels.apply([...queued, ...changes]);
      if (queued.length > 0) await pending.clear();
      return changed;
    } finally {
      await lock.release();
    }
  }

  return {
    async apply(changes) {
      const changed = await applyLocked(changes);
      if (changed !== undefined) return changed;
      await pending.append(changes);
      logger.info(
        { changes: changes.length },
        'state is locked by another radar process; label changes queued',
      );
      return 0;
    },
    async drain() {
      return (await applyLocked([])) ?? 0;
    },
  };
}
