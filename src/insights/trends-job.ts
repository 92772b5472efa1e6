/**
 * The paper trends job behind `radar trends` (and the daemon's weekly run): every paper is keyed
 * by its summary's tags when it has a summary with tags, else by its title's keyphrases and its
 * arXiv categories, dated by its published day (UTC), and `computeTrends` finds the keys whose
 * share grew. The report is saved as `trends/<end>.json`.
 */
import { join } from 'node:path';
import { titleKeyphrases } from '../digest/extractive-summary.ts';
import type { Logger } from '../log/logger.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';
import { createTrendReportsStore, type StoredTrendReport } from '../store/insights-store.ts';
import { createPapersStore } from '../store/papers-store.ts';
import { statePaths } from '../store/paths.ts';
import type { Paper } from '../store/schemas.ts';
import { createSummariesStore } from '../store/summaries-store.ts';
import { renderTrendsMarkdown } from './render-trends.ts';
import { computeTrends, type TrendItem, trendWindows } from './trends.ts';

export interface TrendSettings {
  windowDays: number;
  baselineDays: number;
  minGrowth: number;
  minWindowCount: number;
  minBaselineCount: number;
  /** Trends kept in the report, strongest first. */
  limit: number;
  examples: number;
}

export const DEFAULT_TREND_SETTINGS: TrendSettings = {
  windowDays: 7,
  baselineDays: 28,
  minGrowth: 1.5,
  minWindowCount: 5,
  minBaselineCount: 0,
  limit: 25,
  examples: 3,
};

export interface KeyedPapers {
  items: TrendItem[];
  keySources: { tags: number; keyphrases: number };
}

/** Trend keys of each paper: its summary's tags, else title keyphrases and categories. */
export function keyPapers(
  papers: readonly Pick<Paper, 'id' | 'title' | 'categories' | 'published'>[],
  tagsById: ReadonlyMap<string, readonly string[]>,
): KeyedPapers {
  const keySources = { tags: 0, keyphrases: 0 };
  const items = papers.map((paper): TrendItem => {
    const tags = tagsById.get(paper.id) ?? [];
    const fromTags = tags.length > 0;
    if (fromTags) keySources.tags++;
    else keySources.keyphrases++;
    const keys = fromTags
      ? tags.map((t) => t.toLowerCase())
      : [...titleKeyphrases(paper.title), ...paper.categories];
    return { id: paper.id, date: paper.published.slice(0, 10), keys: [...new Set(keys)] };
  });
  return { items, keySources };
}

export function buildTrendReport(
  papers: readonly Pick<Paper, 'id' | 'title' | 'categories' | 'published'>[],
  tagsById: ReadonlyMap<string, readonly string[]>,
  options: { end: string; createdAt: string; settings: TrendSettings },
): StoredTrendReport {
  const { end, settings } = options;
  const windows = trendWindows(end, settings.windowDays, settings.baselineDays);
  const inRange = papers.filter((p) => {
    const day = p.published.slice(0, 10);
    return day >= windows.baselineStart && day <= end;
  });
  const { items, keySources } = keyPapers(inRange, tagsById);
  const trends = computeTrends(items, { end, ...settings }).slice(0, settings.limit);
  const titles = new Map(inRange.map((p) => [p.id, p.title]));
  const windowItems = items.filter((i) => i.date >= windows.windowStart).length;
  return {
    version: 1,
    end,
    createdAt: options.createdAt,
    windowStart: windows.windowStart,
    baselineStart: windows.baselineStart,
    windowDays: settings.windowDays,
    baselineDays: settings.baselineDays,
    minGrowth: settings.minGrowth,
    minWindowCount: settings.minWindowCount,
    minBaselineCount: settings.minBaselineCount,
    windowItems,
    baselineItems: items.length - windowItems,
    keySources,
    trends: trends.map((t) => ({
      ...t,
      examples: t.examples.map((id) => ({ id, title: titles.get(id) ?? id })),
    })),
    notionUrl: null,
  };
}

export interface TrendsJobDeps {
  stateDir: string;
  logger: Logger;
  now?: () => Date;
}

export interface TrendsRun {
  report: StoredTrendReport;
  /** The report as markdown, also written to `out/trends-<end>.md` (for Notion or a reader). */
  markdown: string;
  markdownFile: string;
}

/** Computes, saves and returns the trend report ending on `end` (default: today, UTC). */
export async function runTrendsJob(
  deps: TrendsJobDeps,
  options: { end?: string; settings?: Partial<TrendSettings> } = {},
): Promise<TrendsRun> {
  const now = deps.now?.() ?? new Date();
  const settings = { ...DEFAULT_TREND_SETTINGS, ...options.settings };
  const end = options.end ?? now.toISOString().slice(0, 10);
  const [papers, summaries] = await Promise.all([
    createPapersStore(deps.stateDir).readAll(),
    createSummariesStore(deps.stateDir).readAll(),
  ]);
  const tagsById = new Map(summaries.map((s) => [s.id, s.tags]));
  const report = buildTrendReport(papers, tagsById, { end, createdAt: now.toISOString(), settings });
  await createTrendReportsStore(deps.stateDir).write(end, report);
  deps.logger.info(
    {
      end,
      trends: report.trends.length,
      windowItems: report.windowItems,
      baselineItems: report.baselineItems,
    },
    'trend report saved',
  );
  const markdown = renderTrendsMarkdown(report);
  const markdownFile = join(statePaths(deps.stateDir).outDir, `trends-${end}.md`);
  await writeFileAtomic(markdownFile, markdown);
  return { report, markdown, markdownFile };
}
