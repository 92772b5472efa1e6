/**
 * `chat/pending-labels.jsonl`: label changes received while another radar process held the state
 * lock. Appended without the lock (short fsynced appends); drained into labels.csv by whoever
 * next holds the lock.
 */
import { z } from 'zod';
import { appendJsonl, readJsonl, writeJsonl } from './jsonl-file.ts';
import type { LabelChange } from './labels-store.ts';
import { statePaths } from './paths.ts';
import { Label, PaperId } from './schemas.ts';

export const PendingLabelChange = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('set'), label: Label }),
  z.object({ kind: z.literal('remove'), id: PaperId, at: z.iso.datetime({ offset: true }) }),
]);

export interface PendingLabelsStore {
  append(changes: readonly LabelChange[]): Promise<void>;
  readAll(): Promise<LabelChange[]>;
  /** Empties the file; call only while holding the state lock, after applying what was read. */
  clear(): Promise<void>;
}

export function createPendingLabelsStore(stateDir: string): PendingLabelsStore {
  const file = statePaths(stateDir).chatPendingLabels;
  return {
    append: (changes) =>
      appendJsonl(
        file,
        changes.map((c) => PendingLabelChange.parse(c)),
      ),
    readAll: () => readJsonl(file, PendingLabelChange),
    clear: () => writeJsonl(file, []),
  };
}
