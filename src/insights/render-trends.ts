/** A trend report as markdown (the Notion page, the local file) and as short lines (chat). Pure. */
import type { StoredTrendReport } from '../store/insights-store.ts';

const pct = (share: number): string => `${(share * 100).toFixed(1)}%`;
const formatQ = (q: number): string => (q < 0.001 ? '<0.001' : q.toFixed(3));

function watchLines(report: StoredTrendReport): string[] {
  const watch = report.watch ?? [];
  if (watch.length === 0) return [];
  return [
    '',
    `Growing, not significant yet (too few papers to tell from chance; q > ${report.maxFdr ?? 0.05}):`,
    '',
    ...watch.map(
      (t) =>
        `- ${t.key}: ${t.windowCount} / ${t.baselineCount} papers, ${pct(t.windowShare)} vs ${pct(t.baselineShare)}, ${t.growth.toFixed(1)}×, q ${formatQ(t.qValue ?? 1)}`,
    ),
  ];
}

export function renderTrendsMarkdown(report: StoredTrendReport): string {
  const lines = [
    `# Paper trends — week ending ${report.end}`,
    '',
    `Window ${report.windowStart} … ${report.end} (${report.windowItems} papers) against the ${report.baselineDays} days before from ${report.baselineStart} (${report.baselineItems} papers). Keys: summary tags (${report.keySources.tags} papers), else keyphrases of title and abstract (${report.keySources.keyphrases} papers). A trend grows at least ${report.minGrowth}× in share, in at least ${report.minWindowCount} papers of the window${report.minBaselineCount > 0 ? ` and ${report.minBaselineCount} of the baseline` : ''}${report.maxFdr === undefined ? '' : `, and is significant (log-likelihood ratio G², false discovery rate q ≤ ${report.maxFdr})`}; the most significant first.`,
    ...(report.note ? ['', `Note: ${report.note}.`] : []),
    '',
  ];
  if (report.trends.length === 0) {
    lines.push('No key grew significantly this week.');
    lines.push(...watchLines(report));
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    '| Key | Papers (window / baseline) | Share (window / baseline) | Growth | G² | q |',
    '|---|---|---|---|---|---|',
  );
  for (const t of report.trends) {
    lines.push(
      `| ${t.key} | ${t.windowCount} / ${t.baselineCount} | ${pct(t.windowShare)} / ${pct(t.baselineShare)} | ${t.growth.toFixed(1)}× | ${t.llr === undefined ? '–' : t.llr.toFixed(1)} | ${t.qValue === undefined ? '–' : formatQ(t.qValue)} |`,
    );
  }
  lines.push(...watchLines(report));
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
        `• ${t.key}: ${t.growth.toFixed(1)}× (${t.windowCount} vs ${t.baselineCount} papers, ${pct(t.windowShare)} vs ${pct(t.baselineShare)}${t.qValue === undefined ? '' : `, q ${formatQ(t.qValue)}`})`,
    );
}
