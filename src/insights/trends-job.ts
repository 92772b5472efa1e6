/**
 * The paper trends job behind `radar trends` (and the daemon's weekly run): every paper is keyed
 * by its summary's tags when it has a summary with tags, else by the keyphrases of its title and
 * abstract (noun phrases scored against the papers in range, src/text/keyphrases.ts), dated by its
 * published day (UTC); `computeTrends` finds the keys whose share grew significantly. arXiv
 * categories are not keys: a rare category doubling from 2 to 4 papers is noise, not a trend.
 * When the papers span fewer days than window + baseline (the bundled sample spans three), and
 * no end day was asked for, the windows are fitted to the papers' own span. The report is saved
 * in the trend reports store under its end day.
 */
import { join } from 'node:path';
import { addDays } from '../core/local-day.ts';
import type { Logger } from '../log/logger.ts';
import { writeFileAtomic } from '../store/atomic-write.ts';
import type { StoredTrendReport } from '../store/insights-store.ts';
import type { Paper } from '../store/schemas.ts';
import type { Stores } from '../store/stores.ts';
import { createKeyphraseCorpus, createKeyphraseExtractor } from '../text/keyphrases.ts';
import { isBoilerplatePhrase } from './boilerplate-phrases.ts';
import { renderTrendsMarkdown } from './render-trends.ts';
import { computeTrends, type TrendItem, trendWindows } from './trends.ts';

export interface TrendSettings {
  windowDays: number;
  baselineDays: number;
  minGrowth: number;
  minWindowCount: number;
  minBaselineCount: number;
  /** Fewer baseline papers than this: nothing to compare with, no trend is reported. */
  minBaselineItems: number;
  /** Highest Benjamini–Hochberg q-value a reported trend may have. */
  maxFdr: number;
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
  minBaselineItems: 20,
  maxFdr: 0.05,
  limit: 25,
  examples: 3,
};

export interface KeyedPapers {
  items: TrendItem[];
  keySources: { tags: number; keyphrases: number };
}

type TrendPaper = Pick<Paper, 'id' | 'title' | 'abstract' | 'categories' | 'published'>;

/** A key must occur in this many papers in range to be tested at all (rarer ones cannot be significant). */
const MIN_KEY_PAPERS = 5;

/** Reporting verbs the tagger sometimes reads as nouns ("experiments show"). */
const REPORTING =
  /\b(show|shows|demonstrate|demonstrates|reveal|reveals|suggest|suggests|indicate|indicates)$/i;

/** A phrase of two words or more, an acronym or name ("LLM", "LoRA"), or a compound ("zero-shot"). */
const isTopic = (phrase: string): boolean =>
  (phrase.includes(' ') || phrase.includes('-') || /[A-Z]/.test(phrase)) && !REPORTING.test(phrase);

/**
 * Every noun phrase of the papers' titles and abstracts that at least `MIN_KEY_PAPERS` of them
 * share (spelling variants joined by their normalized key): the topics a trend can be about. The
 * few top keyphrases of a paper are too specific to recur; the shared phrases do.
 */
function keyphrasesOf(papers: readonly TrendPaper[]): Map<string, string[]> {
  if (papers.length === 0) return new Map();
  const extractor = createKeyphraseExtractor();
  const candidates = papers.map((p) => extractor.candidates({ title: p.title, body: p.abstract }));
  const corpus = createKeyphraseCorpus(candidates);
  // One spelling per key, the first seen in lowercase ("diffusion models" for diffusionmodel).
  const shown = new Map<string, string>();
  for (const c of candidates.flat()) if (!shown.has(c.key)) shown.set(c.key, c.phrase.toLowerCase());
  return new Map(
    papers.map((p, i) => [
      p.id,
      (candidates[i] ?? [])
        .filter(
          (c) => isTopic(c.phrase) && !isBoilerplatePhrase(c.phrase) && corpus.df(c.key) >= MIN_KEY_PAPERS,
        )
        .map((c) => shown.get(c.key) ?? c.phrase),
    ]),
  );
}

/** Trend keys of each paper: its summary's tags, else keyphrases of its title and abstract. */
export function keyPapers(
  papers: readonly TrendPaper[],
  tagsById: ReadonlyMap<string, readonly string[]>,
): KeyedPapers {
  const keySources = { tags: 0, keyphrases: 0 };
  const untagged = papers.filter((p) => (tagsById.get(p.id) ?? []).length === 0);
  const phrases = keyphrasesOf(untagged);
  const items = papers.map((paper): TrendItem => {
    const tags = tagsById.get(paper.id) ?? [];
    if (tags.length > 0) keySources.tags++;
    else keySources.keyphrases++;
    const keys = tags.length > 0 ? tags.map((t) => t.toLowerCase()) : (phrases.get(paper.id) ?? []);
    return { id: paper.id, date: paper.published.slice(0, 10), keys: [...new Set(keys)] };
  });
  return { items, keySources };
}

/** Growing keys shown below the significant ones, marked as not significant yet. */
const WATCH_LIMIT = 5;

const spanDays = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/**
 * The end day and windows for papers that span fewer days than window + baseline: the last
 * paper's day, a window of a third of the span (at least one day) and the rest as baseline.
 */
export function fitToSpan(
  days: readonly string[],
  settings: TrendSettings,
  today: string,
): { end: string; settings: TrendSettings; note?: string } {
  const sorted = [...days].sort();
  const first = sorted[0];
  const last = sorted.at(-1);
  if (!first || !last) return { end: today, settings };
  const end = last < today ? last : today;
  const span = spanDays(first, end);
  const covered = spanDays(addDays(end, -(settings.windowDays + settings.baselineDays - 1)), end);
  if (end === today && span >= covered) return { end, settings };
  if (span >= covered)
    return { end, settings, note: `the newest paper is from ${end}: the report ends there` };
  if (span < 2)
    return { end, settings, note: `the papers span one day (${end}): no baseline to compare with` };
  const windowDays = Math.max(1, Math.round(span / 3));
  // A short span has few papers per window: a key seen in 3 of them is already worth testing.
  const minWindowCount = Math.min(settings.minWindowCount, 3);
  const fitted = { ...settings, windowDays, baselineDays: span - windowDays, minWindowCount };
  return {
    end,
    settings: fitted,
    note: `the papers span only ${span} days (${first} … ${end}): window ${windowDays} day(s) against the ${span - windowDays} before`,
  };
}

export function buildTrendReport(
  papers: readonly TrendPaper[],
  tagsById: ReadonlyMap<string, readonly string[]>,
  options: { end: string; createdAt: string; settings: TrendSettings; note?: string },
): StoredTrendReport {
  const { end, settings } = options;
  const windows = trendWindows(end, settings.windowDays, settings.baselineDays);
  const inRange = papers.filter((p) => {
    const day = p.published.slice(0, 10);
    return day >= windows.baselineStart && day <= end;
  });
  const { items, keySources } = keyPapers(inRange, tagsById);
  const baselineItems = items.filter((i) => i.date < windows.windowStart).length;
  const growing =
    baselineItems >= settings.minBaselineItems
      ? computeTrends(items, { end, ...settings, maxFdr: 1, sliceDays: settings.windowDays })
      : [];
  const trends = growing.filter((t) => t.qValue <= settings.maxFdr).slice(0, settings.limit);
  const watch = growing.filter((t) => t.qValue > settings.maxFdr).slice(0, WATCH_LIMIT);
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
    maxFdr: settings.maxFdr,
    ...(options.note ? { note: options.note } : {}),
    windowItems,
    baselineItems,
    keySources,
    trends: trends.map((t) => ({
      ...t,
      examples: t.examples.map((id) => ({ id, title: titles.get(id) ?? id })),
    })),
    watch: watch.map((t) => ({
      ...t,
      examples: t.examples.map((id) => ({ id, title: titles.get(id) ?? id })),
    })),
    notionUrl: null,
  };
}

export interface TrendsJobDeps {
  stores: Pick<Stores, 'papers' | 'summaries' | 'trendReports'>;
  /** Where the markdown is also written as `trends-<end>.md` (the state's `out/`); none when absent. */
  outDir?: string;
  logger: Logger;
  now?: () => Date;
}

export interface TrendsRun {
  report: StoredTrendReport;
  /** The report as markdown, also written to `<outDir>/trends-<end>.md` (for Notion or a reader). */
  markdown: string;
  /** The markdown's file, when an `outDir` was given. */
  markdownFile?: string;
}

/** Computes, saves and returns the trend report ending on `end` (default: today, UTC). */
export async function runTrendsJob(
  deps: TrendsJobDeps,
  options: { end?: string; settings?: Partial<TrendSettings> } = {},
): Promise<TrendsRun> {
  const now = deps.now?.() ?? new Date();
  const asked = { ...DEFAULT_TREND_SETTINGS, ...options.settings };
  const [papers, summaries] = await Promise.all([
    deps.stores.papers.readAll(),
    deps.stores.summaries.readAll(),
  ]);
  const today = now.toISOString().slice(0, 10);
  const fitted =
    options.end === undefined
      ? fitToSpan(
          papers.map((p) => p.published.slice(0, 10)),
          asked,
          today,
        )
      : { end: options.end, settings: asked };
  const { end, settings } = fitted;
  const tagsById = new Map(summaries.map((s) => [s.id, s.tags]));
  const report = buildTrendReport(papers, tagsById, {
    end,
    createdAt: now.toISOString(),
    settings,
    ...(fitted.note ? { note: fitted.note } : {}),
  });
  await deps.stores.trendReports.write(end, report);
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
  if (deps.outDir === undefined) return { report, markdown };
  const markdownFile = join(deps.outDir, `trends-${end}.md`);
  await writeFileAtomic(markdownFile, markdown);
  return { report, markdown, markdownFile };
}
