/** `radar costs`: LLM spend by day, model and purpose over the last days (pure). */
import { daysEndingOn, localDay } from '../core/local-day.ts';
import type { LedgerEntry } from '../store/schemas.ts';
import { formatUsd } from './budget.ts';

export interface SpendLine {
  key: string;
  costUsd: number;
  calls: number;
  failed: number;
  inputTokens: number;
  outputTokens: number;
}

export interface CostsSummary {
  days: SpendLine[];
  byModel: SpendLine[];
  byPurpose: SpendLine[];
  total: SpendLine;
}

const emptyLine = (key: string): SpendLine => ({
  key,
  costUsd: 0,
  calls: 0,
  failed: 0,
  inputTokens: 0,
  outputTokens: 0,
});

function add(line: SpendLine, row: LedgerEntry): void {
  line.costUsd += row.costUsd;
  line.calls += 1;
  line.failed += row.ok ? 0 : 1;
  line.inputTokens += row.inputTokens;
  line.outputTokens += row.outputTokens;
}

function addTo(lines: Map<string, SpendLine>, key: string, row: LedgerEntry): void {
  const line = lines.get(key) ?? emptyLine(key);
  lines.set(key, line);
  add(line, row);
}

const byCost = (a: SpendLine, b: SpendLine) =>
  b.costUsd - a.costUsd || b.calls - a.calls || a.key.localeCompare(b.key);

export function summarizeCosts(
  rows: readonly LedgerEntry[],
  options: { today: string; days: number; timezone: string },
): CostsSummary {
  const dayList = daysEndingOn(options.today, options.days);
  const days = new Map(dayList.map((day) => [day, emptyLine(day)]));
  const models = new Map<string, SpendLine>();
  const purposes = new Map<string, SpendLine>();
  const total = emptyLine('total');
  for (const row of rows) {
    const line = days.get(localDay(new Date(row.at), options.timezone));
    if (!line) continue;
    add(line, row);
    add(total, row);
    addTo(models, `${row.provider}/${row.model}`, row);
    addTo(purposes, row.purpose, row);
  }
  return {
    days: dayList.map((day) => days.get(day) ?? emptyLine(day)),
    byModel: [...models.values()].sort(byCost),
    byPurpose: [...purposes.values()].sort(byCost),
    total,
  };
}

function tokens(n: number): string {
  if (n >= 1_000_000) return `${(n / 1_000_000).toFixed(1)}M`;
  if (n >= 10_000) return `${Math.round(n / 1000)}k`;
  return String(n);
}

function formatLine(line: SpendLine, width: number): string {
  const failed = line.failed > 0 ? `, ${line.failed} failed` : '';
  return `  ${line.key.padEnd(width)}  ${formatUsd(line.costUsd).padStart(9)}  ${String(line.calls).padStart(5)} calls${failed}  ${tokens(line.inputTokens)} in / ${tokens(line.outputTokens)} out`;
}

function section(title: string, lines: readonly SpendLine[]): string[] {
  if (lines.length === 0) return [];
  const width = Math.max(...lines.map((l) => l.key.length));
  return [title, ...lines.map((l) => formatLine(l, width))];
}

export function formatCostsReport(
  summary: CostsSummary,
  context: { days: number; timezone: string; todaySpentUsd: number; dailyUsd: number },
): string[] {
  const { total } = summary;
  const share =
    context.dailyUsd > 0 ? ` (${((100 * context.todaySpentUsd) / context.dailyUsd).toFixed(0)}%)` : '';
  const reached = context.todaySpentUsd >= context.dailyUsd ? ' — reached: no new LLM calls start today' : '';
  return [
    `LLM spend, last ${context.days} day${context.days === 1 ? '' : 's'} (${context.timezone}): ${formatUsd(total.costUsd)} in ${total.calls} calls${total.failed > 0 ? ` (${total.failed} failed)` : ''}`,
    ...section('by day', summary.days),
    ...section('by model', summary.byModel),
    ...section('by purpose', summary.byPurpose),
    `today: ${formatUsd(context.todaySpentUsd)} of the ${formatUsd(context.dailyUsd)} daily budget${share}${reached}`,
  ];
}
