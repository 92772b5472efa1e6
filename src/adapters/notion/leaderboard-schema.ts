/**
 * The Leaderboard Changes and Model Rankings databases: their properties (created and migrated by
 * `ensureDatabase`) and a change event or a model's ranking as property values. A change is keyed
 * by its dedupe key, a model by its canonical key; Notion's sortable views do the sorting.
 */
import { boardTitle } from '../../leaderboards/board-titles.ts';
import { changeMessage } from '../../leaderboards/change-message.ts';
import type { ModelRanking } from '../../leaderboards/rankings.ts';
import type { ChangeEvent } from '../../leaderboards/snapshot.ts';
import type { PropertyValues } from './page-content.ts';
import { capItems, textItems } from './rich-text.ts';
import type { DatabaseSpec, PropertySpec } from './schema.ts';

export const CHANGE_PROPS = {
  title: 'Change',
  key: 'Change key',
  board: 'Board',
  kind: 'Kind',
  entry: 'Entry',
  score: 'Score',
  previous: 'Previous',
  previousScore: 'Previous score',
  provisional: 'Provisional',
  day: 'Day',
} as const;

export const RANKING_PROPS = {
  title: 'Model',
  key: 'Model key',
  overall: 'Overall',
  coverage: 'Coverage',
  coding: 'Coding',
  codingBoards: 'Coding boards',
  codingAsOf: 'Coding as of',
  codingStale: 'Coding stale',
  tokensPerSecond: 'Tokens/s',
  ttft: 'TTFT (s)',
  performance: 'Performance',
  performanceAsOf: 'Performance as of',
  price: 'Blended $/1M tokens',
  value: 'Value',
  valueAsOf: 'Value as of',
  stale: 'Stale',
} as const;

const spec = (name: string, type: string, config: PropertySpec['config']): PropertySpec => ({
  name,
  type,
  config,
});
const rich = (name: string) => spec(name, 'rich_text', () => ({ rich_text: {} }));
const number = (name: string) => spec(name, 'number', () => ({ number: { format: 'number' } }));
const select = (name: string) => spec(name, 'select', () => ({ select: { options: [] } }));
const date = (name: string) => spec(name, 'date', () => ({ date: {} }));
const checkbox = (name: string) => spec(name, 'checkbox', () => ({ checkbox: {} }));

const C = CHANGE_PROPS;
export const LEADERBOARD_CHANGES_DATABASE: DatabaseSpec = {
  name: 'Leaderboard Changes',
  properties: [
    spec(C.title, 'title', () => ({ title: {} })),
    rich(C.key),
    select(C.board),
    select(C.kind),
    rich(C.entry),
    number(C.score),
    rich(C.previous),
    number(C.previousScore),
    checkbox(C.provisional),
    date(C.day),
  ],
};

const R = RANKING_PROPS;
export const MODEL_RANKINGS_DATABASE: DatabaseSpec = {
  name: 'Model Rankings',
  properties: [
    spec(R.title, 'title', () => ({ title: {} })),
    rich(R.key),
    number(R.overall),
    number(R.coverage),
    number(R.coding),
    number(R.codingBoards),
    date(R.codingAsOf),
    checkbox(R.codingStale),
    number(R.tokensPerSecond),
    number(R.ttft),
    number(R.performance),
    date(R.performanceAsOf),
    number(R.price),
    number(R.value),
    date(R.valueAsOf),
    checkbox(R.stale),
  ],
};

const text = (value: string) => ({ rich_text: capItems(textItems(value)) });
const round = (v: number, digits = 1) => Math.round(v * 10 ** digits) / 10 ** digits;

export function changeProperties(e: ChangeEvent): PropertyValues {
  const values: PropertyValues = {
    title: { title: capItems(textItems(changeMessage(e))) },
    [C.key]: text(e.key),
    [C.board]: { select: { name: boardTitle(e.board, e.subboard).slice(0, 100) } },
    [C.kind]: { select: { name: e.kind } },
    [C.entry]: text(e.entry.displayName),
    [C.provisional]: { checkbox: e.provisional },
    [C.day]: { date: { start: e.day } },
  };
  if (e.entry.score !== null) values[C.score] = { number: e.entry.score };
  if (e.previous) values[C.previous] = text(e.previous.displayName);
  if (e.previous?.score != null) values[C.previousScore] = { number: e.previous.score };
  return values;
}

export function rankingProperties(m: ModelRanking): PropertyValues {
  const values: PropertyValues = {
    title: { title: capItems(textItems(m.name)) },
    [R.key]: text(m.key),
    [R.coverage]: { number: m.coverage },
    [R.stale]: { checkbox: Boolean(m.coding?.stale || m.performance?.stale || m.value?.stale) },
  };
  if (m.overall !== null) values[R.overall] = { number: round(m.overall) };
  if (m.coding) {
    values[R.coding] = { number: round(m.coding.score) };
    values[R.codingBoards] = { number: m.coding.items };
    values[R.codingAsOf] = { date: { start: m.coding.asOf } };
    values[R.codingStale] = { checkbox: m.coding.stale };
  }
  if (m.performance) {
    values[R.performance] = { number: round(m.performance.percentile) };
    values[R.performanceAsOf] = { date: { start: m.performance.asOf } };
    if (m.performance.tokensPerSecond !== null)
      values[R.tokensPerSecond] = { number: round(m.performance.tokensPerSecond) };
    if (m.performance.ttftSeconds !== null) values[R.ttft] = { number: round(m.performance.ttftSeconds, 3) };
  }
  if (m.value) {
    values[R.price] = { number: round(m.value.blendedPerM, 4) };
    values[R.value] = { number: round(m.value.percentile) };
    values[R.valueAsOf] = { date: { start: m.value.asOf } };
  }
  return values;
}
