/** `/trends`: the latest saved trend report, strongest trends first, with its page link. */
import { trendsShortLines } from '../../insights/render-trends.ts';
import type { StoredTrendReport } from '../../store/insights-store.ts';
import type { ChatMessage, Inline } from '../chat-adapter.ts';
import { bold, link, plainMessage, text } from '../message-format.ts';
import type { Command } from './command-types.ts';

/** The chat form of a report: what `/trends` answers and what a weekly push can send. */
export function trendsMessage(r: StoredTrendReport): ChatMessage {
  const lines = trendsShortLines(r);
  const blocks: Inline[][] = [
    [bold(`Trends, week ending ${r.end}`)],
    [text(`${r.windowItems} new papers against ${r.baselineItems} in the ${r.baselineDays} days before.`)],
    ...(lines.length > 0
      ? lines.map((line) => [text(line)])
      : [[text('No tag or keyword grew enough this week.')]]),
  ];
  blocks.push(
    r.notionUrl
      ? [text('Full report: '), link('Trend report', r.notionUrl)]
      : [text(`Full report: out/trends-${r.end}.md in the state directory.`)],
  );
  return { blocks };
}

export const trends: Command = async (deps) => {
  const latest = await deps.stores.trendReports.latest();
  return latest
    ? trendsMessage(latest.value)
    : plainMessage('No trend report yet: it is computed weekly by the daemon, or now by `radar trends`.');
};
