/**
 * The confirmation rule: a change counts only when two consecutive fetches agree on it. Each
 * fetch either matches the confirmed state (nothing changed, or a flicker went back), becomes the
 * pending state, or — matching the pending state — confirms it; only then are the changes from
 * the confirmed state measured. The very first confirmation sets the baseline without events.
 * An entry that disappears is kept as missing and reported `removed` at its second absence.
 */
import { type DiffContext, diffBoards, removedEvent } from './diff.ts';
import { type BoardSnapshot, type BoardState, type ChangeEvent, rowId } from './snapshot.ts';

export type AdvanceOutcome = 'baseline' | 'pending' | 'confirmed' | 'unchanged';

export interface AdvanceResult {
  state: BoardState;
  events: ChangeEvent[];
  outcome: AdvanceOutcome;
}

function context(state: BoardState, snapshot: BoardSnapshot, day: string): DiffContext {
  return {
    board: state.board,
    displayPrecision: snapshot.displayPrecision,
    confirmedAt: snapshot.fetchedAt,
    day,
  };
}

/** One more absence for every missing entry; those absent twice become `removed`. */
function countAbsences(missing: BoardState['missing'], ctx: DiffContext) {
  const next: BoardState['missing'] = {};
  const events: ChangeEvent[] = [];
  for (const [id, entry] of Object.entries(missing)) {
    const absences = entry.absences + 1;
    if (absences >= 2) events.push(removedEvent(entry.row, ctx));
    else next[id] = { ...entry, absences };
  }
  return { missing: next, events };
}

function confirmChange(state: BoardState, confirmed: BoardSnapshot, snapshot: BoardSnapshot, day: string) {
  const ctx = context(state, snapshot, day);
  const present = new Set(snapshot.rows.map(rowId));
  const returning = new Set(Object.keys(state.missing).filter((id) => present.has(id)));
  const stillMissing = Object.fromEntries(Object.entries(state.missing).filter(([id]) => !present.has(id)));
  const absences = countAbsences(stillMissing, ctx);
  const missing = { ...absences.missing };
  for (const row of confirmed.rows) if (!present.has(rowId(row))) missing[rowId(row)] = { row, absences: 1 };
  const events = [...diffBoards(confirmed.rows, snapshot.rows, ctx, returning), ...absences.events];
  return { missing, events };
}

/**
 * Moves a board's state on by one fetch. `snapshot` is null when every file answered 304 Not
 * Modified: the fetch is then identical to the previous one.
 */
export function advanceBoard(
  state: BoardState,
  snapshot: BoardSnapshot | null,
  fetchedAt: string,
): AdvanceResult {
  const last = state.pending ?? state.confirmed;
  const current = snapshot ?? (last ? { ...last, fetchedAt, day: fetchedAt.slice(0, 10) } : null);
  if (current === null) return { state, events: [], outcome: 'unchanged' };
  const { confirmed, pending } = state;
  if (confirmed === null) {
    if (pending && pending.contentHash === current.contentHash)
      return {
        state: { ...state, confirmed: current, pending: null, missing: {} },
        events: [],
        outcome: 'baseline',
      };
    return { state: { ...state, pending: current }, events: [], outcome: 'pending' };
  }
  if (current.contentHash === confirmed.contentHash) {
    const { missing, events } = countAbsences(state.missing, context(state, current, current.day));
    return { state: { ...state, confirmed: current, pending: null, missing }, events, outcome: 'unchanged' };
  }
  if (pending && pending.contentHash === current.contentHash) {
    const { missing, events } = confirmChange(state, confirmed, current, pending.day);
    return { state: { ...state, confirmed: current, pending: null, missing }, events, outcome: 'confirmed' };
  }
  return { state: { ...state, pending: current }, events: [], outcome: 'pending' };
}
