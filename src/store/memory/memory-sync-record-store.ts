/** The in-memory twin of the sync record store (src/store/sync-record.ts). */
import { SYNC_RECORD_PATH, type SyncRecordStore } from '../sync-record.ts';
import { SyncRecord } from '../sync-record-schema.ts';
import { createJsonCell } from './json-cell.ts';

export function createMemorySyncRecordStore(): SyncRecordStore {
  const cell = createJsonCell(SYNC_RECORD_PATH, SyncRecord);
  return {
    read: async () => cell.read(),
    write: async (record) => cell.write(SyncRecord.parse(record)),
  };
}
