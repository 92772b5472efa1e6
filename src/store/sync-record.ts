/** Reads and writes the sync record (`sync/hf.json`, see sync-record-schema.ts), atomically. */
import { join } from 'node:path';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';
import { SyncRecord } from './sync-record-schema.ts';

export const SYNC_RECORD_PATH = 'sync/hf.json';

export interface SyncRecordStore {
  read(): Promise<SyncRecord | undefined>;
  write(record: SyncRecord): Promise<void>;
}

export function createSyncRecordStore(stateDir: string): SyncRecordStore {
  const file = join(stateDir, SYNC_RECORD_PATH);
  return {
    read: () => readJsonFile(file, SyncRecord),
    // async, so a record the schema rejects is a rejected promise, not a throw at the call.
    write: async (record) => writeJsonFile(file, SyncRecord.parse(record)),
  };
}
