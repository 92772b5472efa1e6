/** Plain-text views of the boards shared by the CLI and the chat commands. */
import { boardTitle, decimalsFor } from './board-titles.ts';
import { changeMessage } from './change-message.ts';
import { bySubboard, rankEntries, rankedRows } from './ranks.ts';
import { type BoardSnapshot, CHANGE_KINDS, type ChangeEvent } from './snapshot.ts';

/** The top `limit` entries of each sub-table, best first, as "#1  Name  75.6 %". */
export function topLines(snapshot: BoardSnapshot, limit = 10): string[] {
  const d = decimalsFor(snapshot.displayPrecision);
  const lines: string[] = [];
  for (const [subboard, rows] of bySubboard(snapshot.rows)) {
    const ranks = rankEntries(rows);
    const ranked = rankedRows(rows).sort(
      (a, b) => (b.score ?? 0) - (a.score ?? 0) || (a.entryKey < b.entryKey ? -1 : 1),
    );
    if (ranked.length === 0) {
      lines.push(`${boardTitle(snapshot.board, subboard)}: ${rows.length} entries (no scores)`);
      continue;
    }
    lines.push(`${boardTitle(snapshot.board, subboard)} — as of ${snapshot.day}, ${ranked.length} ranked`);
    for (const row of ranked.slice(0, limit)) {
      const ci =
        row.ciLow !== null && row.ciHigh !== null
          ? ` [${row.ciLow.toFixed(d)}–${row.ciHigh.toFixed(d)}]`
          : '';
      lines.push(
        `  #${ranks.get(row.entryKey) ?? '?'}  ${row.displayName}  ${(row.score ?? 0).toFixed(d)} %${ci}`,
      );
    }
  }
  return lines;
}

/** The day `days` days before `today` (YYYY-MM-DD). */
export function dayBefore(today: string, days: number): string {
  return new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

const kindOrder = (e: ChangeEvent): number => CHANGE_KINDS.indexOf(e.kind);

/** Events on or after `since` as their messages: newest day first, new tops before the rest. */
export function changeLines(events: readonly ChangeEvent[], since: string): string[] {
  return events
    .filter((e) => e.day >= since)
    .sort((a, b) => {
      if (a.day !== b.day) return a.day < b.day ? 1 : -1;
      if (kindOrder(a) !== kindOrder(b)) return kindOrder(a) - kindOrder(b);
      return a.key < b.key ? -1 : 1;
    })
    .map(changeMessage);
}
