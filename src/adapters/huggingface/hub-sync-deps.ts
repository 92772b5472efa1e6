/** The backup's services, wired: the Hub repository of the config, the state's files and the sync record. */
import type { RadarEnv } from '../../config/env.ts';
import type { RadarConfig } from '../../config/schema.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log/logger.ts';
import type { Stores } from '../../store/stores.ts';
import { backupStateFile, scanStateFiles, stateFileBlob, writeVerifiedFile } from '../../store/sync-files.ts';
import { isSyncedPath } from '../../store/sync-paths.ts';
import type { StateFiles, SyncDeps, SyncProgress } from '../../sync/sync-ports.ts';
import { syncTarget } from '../../sync/sync-target.ts';
import { createHubRepo, type HubRepoOptions } from './hub-repo.ts';

interface SyncWiring {
  config: RadarConfig;
  env: RadarEnv;
  /** The state directory whose files are backed up (the backup is of the files themselves). */
  stateDir: string;
  stores: Pick<Stores, 'syncRecord'>;
  logger: Logger;
  clock: Clock;
  progress?: SyncProgress;
  signal?: AbortSignal;
  /** Retry tuning (tests make the backoff short). */
  retry?: HubRepoOptions['retry'];
  timeoutMs?: number;
}

function stateFiles(stateDir: string): StateFiles {
  return {
    dir: stateDir,
    scan: (known, onProgress) =>
      scanStateFiles(stateDir, { ...(known ? { known } : {}), ...(onProgress ? { onProgress } : {}) }),
    isSynced: isSyncedPath,
    blob: (path) => stateFileBlob(stateDir, path),
    write: (path, chunks, expected) => writeVerifiedFile(stateDir, path, chunks, expected),
    backup: (path, stamp) => backupStateFile(stateDir, path, stamp),
  };
}

export function hubSyncDeps(wiring: SyncWiring): SyncDeps {
  const target = syncTarget(wiring.config, wiring.env);
  return {
    remote: createHubRepo(target, {
      logger: wiring.logger.child({ module: 'sync' }),
      ...(wiring.signal ? { signal: wiring.signal } : {}),
      ...(wiring.retry ? { retry: wiring.retry } : {}),
      ...(wiring.timeoutMs !== undefined ? { timeoutMs: wiring.timeoutMs } : {}),
    }),
    files: stateFiles(wiring.stateDir),
    record: wiring.stores.syncRecord,
    now: () => wiring.clock.now(),
    ...(wiring.progress ? { progress: wiring.progress } : {}),
  };
}
