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
      const changed = applyLabelChanges(rows, changes);
      if (changed > 0) await writeCsv(file, sortedLabels(rows), labelCodec);
      return changed;
    },
  };
}

/**
 * The merge rule of `apply`, shared with the in-memory twin: changes in time order, one older
 * than the stored row ignored, a removal deleting the row. `accept` turns a set label into the
 * stored row (the twin validates it there). Returns how many rows changed.
 */
export function applyLabelChanges(
  rows: Map<string, Label>,
  changes: readonly LabelChange[],
  accept: (label: Label) => Label = (label) => label,
): number {
  let changed = 0;
  const ordered = [...changes].sort((a, b) => Date.parse(atOf(a)) - Date.parse(atOf(b)));
  for (const change of ordered) {
    const id = change.kind === 'set' ? change.label.id : change.id;
    const current = rows.get(id);
    if (current && Date.parse(current.at) > Date.parse(atOf(change))) continue;
    if (change.kind === 'set') {
      if (current && sameLabel(current, change.label)) continue;
      rows.set(id, accept(change.label));
      changed += 1;
    } else if (current) {
      rows.delete(id);
      changed += 1;
    }
  }
  return changed;
}

/** The stored order of `labels.csv`: by paper id. */
export function sortedLabels(rows: Map<string, Label>): Label[] {
  return [...rows.values()].sort((a, b) => compareIds(a.id, b.id));
}

function atOf(change: LabelChange): string {
  return change.kind === 'set' ? change.label.at : change.at;
}

function sameLabel(a: Label, b: Label): boolean {
  return a.label === b.label && a.source === b.source && a.user === b.user;
}
