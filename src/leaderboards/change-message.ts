/**
 * The one-line text of a change event, as chats, `radar leaderboards changes` and Notion show it:
 * "🏆 SWE-bench Verified — new top: X 75.6 % (+1.2) passing Y 74.4 % (2026-01-08)".
 */
import { boardTitle, decimalsFor } from './board-titles.ts';
import type { ChangeEvent, ChangeKind, EntryRef } from './snapshot.ts';

/** The kinds pushed to the chats; the others are recorded and listed. */
export const ALERTED_KINDS: ReadonlySet<ChangeKind> = new Set([
  'new_sota',
  'new_sota_significant',
  'tied_sota',
]);

export function isAlerted(event: ChangeEvent): boolean {
  return ALERTED_KINDS.has(event.kind) && !event.provisional;
}

function score(entry: EntryRef | null, decimals: number): string {
  return entry?.score == null ? '–' : `${entry.score.toFixed(decimals)} %`;
}

function delta(a: number | null, b: number | null | undefined, decimals: number): string {
  if (a === null || b == null) return '';
  const d = a - b;
  return ` (${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(decimals)})`;
}

function rank(r: number | null | undefined): string {
  return r == null ? 'unranked' : `#${r}`;
}

export function changeMessage(event: ChangeEvent): string {
  const d = decimalsFor(event.displayPrecision);
  const title = boardTitle(event.board, event.subboard);
  const { entry, previous } = event;
  const name = entry.displayName;
  const passing =
    previous && previous.entryKey !== entry.entryKey
      ? ` passing ${previous.displayName} ${score(previous, d)}`
      : '';
  const body = ((): string => {
    switch (event.kind) {
      case 'new_sota':
        return `🏆 ${title} — new top${event.provisional ? ' (provisional, intervals overlap)' : ''}: ${name} ${score(entry, d)}${delta(entry.score, previous?.score, d)}${passing}`;
      case 'new_sota_significant':
        return `🏆 ${title} — new top (significant): ${name} ${score(entry, d)}${delta(entry.score, previous?.score, d)}${passing}`;
      case 'tied_sota':
        return `🤝 ${title} — tied for the top: ${name} ${score(entry, d)} with ${previous?.displayName ?? '?'} ${score(previous, d)}`;
      case 'new_entry':
        return `🆕 ${title} — new entry: ${name} ${score(entry, d)} (${rank(entry.rank)})`;
      case 'rank_move':
        return `↕️ ${title} — ${name} moved ${rank(previous?.rank)} → ${rank(entry.rank)} (${score(entry, d)})`;
      case 'revised':
        return `✏️ ${title} — ${name} revised ${score(previous, d)} → ${score(entry, d)}`;
      case 'removed':
        return `➖ ${title} — removed: ${name} (was ${score(entry, d)})`;
    }
  })();
  return `${body} (${event.day})`;
}
