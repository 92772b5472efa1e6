/**
 * Labels of the previous system: CSV (`id,label,time`, header optional) or JSON lines
 * (`{"id", "label", "time"}`), each label up/down/clear, ±1/0 or 👍/👎 as `radar label import`
 * reads them, each with the time it was given. Every row is checked before anything is written.
 */
import { parse } from 'csv-parse/sync';
import { UsageError } from '../core/errors.ts';
import { type LabelAction, normalizeId, parseAction } from '../rank/label-changes.ts';
import { toIsoDateTime } from './paper-row.ts';

export interface TimedLabel {
  id: string;
  action: LabelAction;
  /** ISO time; undefined when the row gives none (the import's own time is used). */
  at: string | undefined;
}

const TIME_KEYS = ['time', 'at', 'timestamp', 'date', 'created_at'];

function rowOf(id: unknown, label: unknown, time: unknown, where: string, problems: string[]): TimedLabel[] {
  const parsedId = typeof id === 'string' ? normalizeId(id) : undefined;
  const action =
    typeof label === 'string' || typeof label === 'number' ? parseAction(String(label)) : undefined;
  const hasTime = time !== undefined && time !== null && time !== '';
  const at = hasTime ? toIsoDateTime(time) : undefined;
  if (!parsedId) problems.push(`${where}: "${String(id ?? '')}" is not an arXiv id`);
  else if (!action) problems.push(`${where}: label "${String(label ?? '')}" is not up, down or clear`);
  else if (hasTime && !at) problems.push(`${where}: time "${String(time)}" is not a date`);
  else return [{ id: parsedId, action, at }];
  return [];
}

function fromCsv(text: string, problems: string[]): TimedLabel[] {
  const records: string[][] = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true });
  const header = records[0]?.map((c) => c.toLowerCase());
  const named = header?.includes('id') === true;
  const column = (names: readonly string[], fallback: number) => {
    const at = named ? (header?.findIndex((c) => names.includes(c)) ?? -1) : fallback;
    return at;
  };
  const id = column(['id', 'arxiv_id', 'paper_id'], 0);
  const label = column(['label', 'rating', 'reaction'], 1);
  const time = column(TIME_KEYS, 2);
  return records
    .slice(named ? 1 : 0)
    .flatMap((r, i) =>
      rowOf(r[id], r[label], time >= 0 ? r[time] : undefined, `row ${i + (named ? 2 : 1)}`, problems),
    );
}

function fromJsonl(text: string, problems: string[]): TimedLabel[] {
  return text.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push(`line ${i + 1}: not valid JSON`);
      return [];
    }
    if (typeof value !== 'object' || value === null) {
      problems.push(`line ${i + 1}: not a JSON object`);
      return [];
    }
    const row = Object.fromEntries(Object.entries(value));
    const time = TIME_KEYS.map((k) => row[k]).find((v) => v !== undefined);
    return rowOf(
      row.id ?? row.arxiv_id,
      row.label ?? row.rating ?? row.reaction,
      time,
      `line ${i + 1}`,
      problems,
    );
  });
}

export function parseLabelFile(text: string, file: string): TimedLabel[] {
  const problems: string[] = [];
  const rows = /\.jsonl?$/i.test(file) ? fromJsonl(text, problems) : fromCsv(text, problems);
  if (problems.length > 0) {
    const more = problems.length > 5 ? ` (and ${problems.length - 5} more)` : '';
    throw new UsageError(`${file}: nothing written: ${problems.slice(0, 5).join('; ')}${more}`);
  }
  return rows;
}
