/** What an import did, counted as it goes, and the summary printed at its end. */
import type { IgnoredColumn } from './column-mapping.ts';

export interface VectorCounts {
  stored: number;
  /** Missing vectors by why: null, all zeros, NaN. Their papers are embedded by `radar embed`. */
  missing: Record<'null' | 'zero' | 'nan', number>;
  /** Vectors that cannot be read (wrong length, not numbers), by reason. */
  invalid: Map<string, number>;
}

export interface Skipped {
  count: number;
  /** The first offending row, as `file row N` and its value. */
  example: string;
}

export interface ImportReport {
  files: number;
  rows: number;
  papers: { added: number; updated: number; unchanged: number };
  vectors: Map<string, VectorCounts>;
  skipped: Map<string, Skipped>;
  /** Columns no field takes, by name, with the files they are in. */
  ignored: Map<string, IgnoredColumn & { files: number }>;
}

export function emptyReport(models: readonly string[]): ImportReport {
  return {
    files: 0,
    rows: 0,
    papers: { added: 0, updated: 0, unchanged: 0 },
    vectors: new Map(models.map((m) => [m, emptyVectorCounts()])),
    skipped: new Map(),
    ignored: new Map(),
  };
}

export function emptyVectorCounts(): VectorCounts {
  return { stored: 0, missing: { null: 0, zero: 0, nan: 0 }, invalid: new Map() };
}

export function countSkip(report: ImportReport, reason: string, example: string): void {
  const current = report.skipped.get(reason);
  if (current) current.count += 1;
  else report.skipped.set(reason, { count: 1, example });
}

export function countIgnored(report: ImportReport, columns: readonly IgnoredColumn[]): void {
  for (const column of columns) {
    const current = report.ignored.get(column.name);
    if (current) current.files += 1;
    else report.ignored.set(column.name, { ...column, files: 1 });
  }
}

const numbers = new Intl.NumberFormat('en-US');
const n = (value: number): string => numbers.format(value);

function vectorLine(model: string, counts: VectorCounts): string {
  const { missing } = counts;
  const missingTotal = missing.null + missing.zero + missing.nan;
  const parts = [`${n(counts.stored)} vectors`];
  if (missingTotal > 0)
    parts.push(
      `${n(missingTotal)} missing (${n(missing.zero)} zero, ${n(missing.nan)} NaN, ${n(missing.null)} empty) — \`radar embed\` embeds them`,
    );
  for (const [why, count] of counts.invalid) parts.push(`${n(count)} unreadable (${why})`);
  return `  ${model}: ${parts.join(', ')}`;
}

export function formatImportReport(report: ImportReport): string[] {
  const { papers } = report;
  const lines = [
    `imported ${n(report.rows)} rows from ${n(report.files)} ${report.files === 1 ? 'file' : 'files'}`,
    `  papers: ${n(papers.added)} added, ${n(papers.updated)} updated, ${n(papers.unchanged)} unchanged`,
    ...[...report.vectors].map(([model, counts]) => vectorLine(model, counts)),
  ];
  const skippedTotal = [...report.skipped.values()].reduce((sum, s) => sum + s.count, 0);
  if (skippedTotal > 0) {
    lines.push(`  skipped ${n(skippedTotal)} rows:`);
    for (const [reason, skip] of report.skipped)
      lines.push(`    ${n(skip.count)} × ${reason} (first: ${skip.example})`);
  }
  if (report.ignored.size > 0) {
    lines.push('  columns not imported:');
    for (const column of report.ignored.values())
      lines.push(`    ${column.name} (${column.type}): ${column.why}`);
  }
  return lines;
}
