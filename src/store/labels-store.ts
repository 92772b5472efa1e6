/**
 * The user's preference labels in `labels.csv`: one row per paper, the last change wins, and a
 * removal (a reaction taken back, a cleared Feedback) deletes the row.
 */
import { compareIds } from '../core/arxiv-id.ts';
import { readCsv, writeCsv } from './csv-file.ts';
import { labelCodec } from './paper-codec.ts';
import { statePaths } from './paths.ts';
import type { Label } from './schemas.ts';

export type LabelChange = { kind: 'set'; label: Label } | { kind: 'remove'; id: string; at: string };

export interface LabelsStore {
  readAll(): Promise<Label[]>;
  /** Applies changes in time order; a change older than the stored row is ignored. Returns how many rows changed. */
  apply(changes: readonly LabelChange[]): Promise<number>;
}

export function createLabelsStore(stateDir: string): LabelsStore {
  const file = statePaths(stateDir).labels;
  return {
    readAll: () => readCsv(file, labelCodec),
    async apply(changes) {
      const rows = new Map((await readCsv(file, labelCodec)).map((l) => [l.id, l]));
      let changed = 0;
      const ordered = [...changes].sort((a, b) => Date.parse(atOf(a)) - Date.parse(atOf(b)));
      for (const change of ordered) {
        const id = change.kind === 'set' ? change.label.id : change.id;
        const current = rows.get(id);
        if (current && Date.parse(current.at) > Date.parse(atOf(change))) continue;
        if (change.kind === 'set') {
          if (current && sameLabel(current, change.label)) continue;
          rows.set(id, change.label);
          changed += 1;
        } else if (current) {
          rows.delete(id);
          changed += 1;
        }
      }
      if (changed > 0) {
        await writeCsv(
          file,
          [...rows.values()].sort((a, b) => compareIds(a.id, b.id)),
          labelCodec,
        );
      }
      return changed;
    },
  };
}

function atOf(change: LabelChange): string {
  return change.kind === 'set' ? change.label.at : change.at;
}

function sameLabel(a: Label, b: Label): boolean {
  return a.label === b.label && a.source === b.source && a.user === b.user;
}
