/** The daily digest's benchmark section: new benchmarks that scored at least the configured bar. */
import type { ChatMessage } from '../chat/chat-adapter.ts';
import { bold, link, text } from '../chat/message-format.ts';
import type { MergedBenchmark } from './schemas.ts';
import { mainUrl, newHighScoring } from './select.ts';

const DAY_MS = 86_400_000;

/** One message listing benchmarks first seen in the last `days` days with score ≥ `minScore`; undefined when none. */
export function benchmarksDigestMessage(
  merged: readonly MergedBenchmark[],
  now: Date,
  options: { minScore: number; days?: number; limit?: number },
): ChatMessage | undefined {
  const since = new Date(now.getTime() - (options.days ?? 1) * DAY_MS);
  const picked = newHighScoring(merged, since, options.minScore).slice(0, options.limit ?? 5);
  if (picked.length === 0) return undefined;
  return {
    blocks: [
      [
        bold(
          picked.length === 1
            ? 'A new benchmark worth a look'
            : `${picked.length} new benchmarks worth a look`,
        ),
      ],
      ...picked.map((b) => [
        link(b.name || b.title, mainUrl(b)),
        text(
          ` — ${(b.score ?? 0).toFixed(1)}/10${b.task.length > 0 ? `, ${b.task.slice(0, 2).join(', ')}` : ''}`,
        ),
        ...(b.rubric ? [text(`. ${b.rubric.relevance.reason}`)] : []),
      ]),
    ],
  };
}
