/**
 * What `radar label` writes: label changes from ids and an action (`up`, `down`, `clear`) or from
 * the rows of an imported CSV (`id,label` with up/down/clear, +1/-1/0 or 👍/👎), validated
 * before anything is written.
 */
import { parse } from 'csv-parse/sync';
import { parseArxivId } from '../core/arxiv-id.ts';
import { UsageError } from '../core/errors.ts';
import type { LabelChange } from '../store/labels-store.ts';

export type LabelAction = 'up' | 'down' | 'clear';

const ACTIONS: Record<string, LabelAction> = {
  up: 'up',
  down: 'down',
  clear: 'clear',
  '1': 'up',
  '+1': 'up',
  '-1': 'down',
  '0': 'clear',
  '👍': 'up',
  '👎': 'down',
};

export function parseAction(raw: string): LabelAction | undefined {
  return ACTIONS[raw.trim().toLowerCase()];
}

export interface LabelRequest {
  id: string;
  action: LabelAction;
}

export function normalizeId(raw: string): string | undefined {
  return parseArxivId(raw)?.id;
}

/** `<id…> up|down|clear`. */
export function requestsFromArgs(args: readonly string[]): LabelRequest[] {
  const action = parseAction(args.at(-1) ?? '');
  const ids = args.slice(0, -1);
  if (!action || ids.length === 0)
    throw new UsageError('usage: radar label <arXiv id…> up|down|clear, or radar label import <file.csv>');
  const bad = ids.filter((id) => normalizeId(id) === undefined);
  if (bad.length > 0) throw new UsageError(`not arXiv ids: ${bad.join(', ')}`);
  return ids.map((id) => ({ id: normalizeId(id) ?? id, action }));
}

/** The rows of an import file; a header row (`id,label`) is skipped. */
export function requestsFromCsv(text: string, file: string): LabelRequest[] {
  const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  const rows = records.filter((r, i) => !(i === 0 && r[0]?.toLowerCase() === 'id'));
  const problems: string[] = [];
  const requests = rows.flatMap((r, i): LabelRequest[] => {
    const id = normalizeId(r[0] ?? '');
    const action = parseAction(r[1] ?? '');
    if (id && action) return [{ id, action }];
    problems.push(
      `row ${i + 1}: ${id ? `label "${r[1] ?? ''}" is not up, down or clear` : `"${r[0] ?? ''}" is not an arXiv id`}`,
    );
    return [];
  });
  if (problems.length > 0) throw new UsageError(`${file}: ${problems.slice(0, 5).join('; ')}`);
  return requests;
}

export function toChanges(
  requests: readonly LabelRequest[],
  source: 'cli' | 'import',
  at: string,
): LabelChange[] {
  return requests.map((r) =>
    r.action === 'clear'
      ? { kind: 'remove', id: r.id, at }
      : { kind: 'set', label: { id: r.id, label: r.action === 'up' ? 1 : -1, source, user: source, at } },
  );
}
