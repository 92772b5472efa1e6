/** A trend report as markdown (the Notion page, the local file) and as short lines (chat). Pure. */
import type { StoredTrendReport } from '../store/insights-store.ts';

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;

export function renderTrendsMarkdown(report: StoredTrendReport): string {
  const lines = [
    `# Paper trends — week ending ${report.end}`,
    '',
    `Window ${report.windowStart} … ${report.end} (${report.windowItems} papers) against the ${report.baselineDays} days before from ${report.baselineStart} (${report.baselineItems} papers). Keys: summary tags (${report.keySources.tags} papers), else title keyphrases and categories (${report.keySources.keyphrases} papers). A trend grows at least ${report.minGrowth}× in share, in at least ${report.minWindowCount} papers.`,
    '',
  ];
  if (report.trends.length === 0) {
    lines.push('No key grew enough this week.');
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '| Key | Papers (window / baseline) | Share (window / baseline) | Growth |',
    '|---|---|---|---|',
  );
  for (const t of report.trends) {
    lines.push(
      `| ${t.key} | ${t.windowCount} / ${t.baselineCount} | ${pct(t.windowShare)} / ${pct(t.baselineShare)} | ${t.growth.toFixed(1)}× |`,
    );
  }
  lines.push('', '## Examples', '');
  for (const t of report.trends) {
    lines.push(`**${t.key}**`, ...t.examples.map((e) => `- ${e.title} (arXiv ${e.id})`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The strongest trends, one line each. */
export function trendsShortLines(report: StoredTrendReport, limit = 8): string[] {
  return report.trends
    .slice(0, limit)
    .map(
      (t) =>
        `• ${t.key}: ${t.growth.toFixed(1)}× (${t.windowCount} papers, ${pct(t.windowShare)} vs ${pct(t.baselineShare)})`,
    );
}
