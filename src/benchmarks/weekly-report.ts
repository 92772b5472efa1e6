/**
 * The weekly benchmark trend report: tasks and keywords whose share of the week's new benchmarks
 * grew at least `minGrowth` times over the 4-week baseline (computeTrends), with examples, as
 * markdown (for the state, Notion and chat).
 */
import { computeTrends, type Trend, trendWindows } from '../insights/trends.ts';
import type { MergedBenchmark } from './schemas.ts';
import { shownBenchmarks } from './select.ts';

const GENERIC_KEYS = new Set([
  'benchmark',
  'benchmarks',
  'evaluation',
  'leaderboard',
  'dataset',
  'datasets',
  'llm',
]);

export interface WeeklyReportOptions {
  /** Last day of the week, `YYYY-MM-DD`. */
  end: string;
  minGrowth?: number;
  minWindowCount?: number;
}

export interface WeeklyReport {
  end: string;
  windowStart: string;
  baselineStart: string;
  newThisWeek: number;
  trends: Trend[];
  markdown: string;
}

/** The trend keys of a benchmark: its tasks and keywords, lowercased, without generic words. */
export function trendKeys(b: Pick<MergedBenchmark, 'task' | 'keywords'>): string[] {
  const keys = [...b.task, ...b.keywords]
    .map((k) => k.trim().toLowerCase())
    .filter((k) => k !== '' && !GENERIC_KEYS.has(k));
  return [...new Set(keys)];
}

function render(report: Omit<WeeklyReport, 'markdown'>, byId: ReadonlyMap<string, MergedBenchmark>): string {
  const lines = [
    `# Benchmark trends, week ${report.windowStart} → ${report.end}`,
    '',
    `${report.newThisWeek} new benchmark(s) this week; baseline from ${report.baselineStart}.`,
    '',
  ];
  if (report.trends.length === 0)
    lines.push('No task or keyword grew 1.5× or more over the 4-week baseline.');
  for (const t of report.trends) {
    lines.push(
      `## ${t.key} — ×${t.growth.toFixed(1)} (${t.windowCount} this week, ${t.baselineCount} in the baseline)`,
    );
    for (const id of t.examples) {
      const b = byId.get(id);
      if (b)
        lines.push(
          `- ${b.name} (${b.sources.join(', ')}): ${b.urls.arxiv[0] ?? b.urls.github[0] ?? b.urls.huggingface[0] ?? b.id}`,
        );
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function buildWeeklyReport(
  benchmarks: readonly MergedBenchmark[],
  options: WeeklyReportOptions,
): WeeklyReport {
  const shown = shownBenchmarks(benchmarks);
  const items = shown.map((b) => ({ id: b.id, date: b.firstSeenAt.slice(0, 10), keys: trendKeys(b) }));
  const trends = computeTrends(items, {
    end: options.end,
    windowDays: 7,
    baselineDays: 28,
    minGrowth: options.minGrowth ?? 1.5,
    minWindowCount: options.minWindowCount ?? 2,
  });
  const windows = trendWindows(options.end, 7, 28);
  const newThisWeek = items.filter((i) => i.date >= windows.windowStart && i.date <= options.end).length;
  const base = {
    end: options.end,
    windowStart: windows.windowStart,
    baselineStart: windows.baselineStart,
    newThisWeek,
    trends,
  };
  return { ...base, markdown: render(base, new Map(shown.map((b) => [b.id, b]))) };
}
