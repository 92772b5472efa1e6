/**
 * Publishes to files under `state/out/`: one markdown page per paper and one HTML digest per day.
 * The day's digest lists every paper published that day: the items behind it are kept beside it
 * (`digest-<day>.json`), so publishing a few more papers later (`radar publish --ids`) adds them
 * instead of replacing the digest.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { errorMessage } from '../../core/errors.ts';
import { StoredSummary } from '../../core/summary.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import { readJsonFile, writeJsonFile } from '../../store/jsonl-file.ts';
import { katexStylesheet } from '../../store/katex-assets.ts';
import { Paper } from '../../store/schemas.ts';
import type { Publisher, PublishItem, PublishResult } from '../publisher.ts';
import { renderDigestHtml } from './render-html.ts';
import { renderPaperMarkdown } from './render-markdown.ts';

export function paperFileName(id: string): string {
  return `${id.replace(/\//g, '_')}.md`;
}

const DigestItems = z.array(
  z.object({
    paper: Paper,
    summary: StoredSummary.optional(),
    pick: z.object({ score: z.number(), reason: z.enum(['top', 'explore']), model: z.string() }).optional(),
    related: z.array(z.object({ id: z.string(), title: z.string(), relation: z.string() })),
  }),
);

/** The day's earlier items, in their order, with re-published ones replaced; new ones after them. */
function mergeDay(earlier: readonly PublishItem[], items: readonly PublishItem[]): PublishItem[] {
  const fresh = new Map(items.map((item) => [item.paper.id, item]));
  const merged = earlier.map((item) => fresh.get(item.paper.id) ?? item);
  const known = new Set(earlier.map((item) => item.paper.id));
  return [...merged, ...items.filter((item) => !known.has(item.paper.id))];
}

export function createLocalPublisher(outDir: string): Publisher {
  return {
    name: 'local',
    async publish(day, items, context) {
      const results: PublishResult[] = [];
      for (const item of items) {
        const file = join(outDir, 'papers', paperFileName(item.paper.id));
        try {
          await writeFileAtomic(file, renderPaperMarkdown(item));
          results.push({ id: item.paper.id, ok: true, location: file });
        } catch (error) {
          results.push({ id: item.paper.id, ok: false, error: errorMessage(error) });
        }
      }
      const itemsFile = join(outDir, `digest-${day}.json`);
      const earlier: PublishItem[] = (await readJsonFile(itemsFile, DigestItems))?.map(toItem) ?? [];
      const dayItems = mergeDay(earlier, items);
      await writeJsonFile(itemsFile, dayItems);
      const digest = join(outDir, `digest-${day}.html`);
      await writeFileAtomic(
        digest,
        renderDigestHtml(day, dayItems, { counts: context?.counts, mathCss: await katexStylesheet() }),
      );
      return { results, outputs: { digest } };
    },
  };
}

/** Optional keys back to `undefined` values, as PublishItem spells them. */
function toItem(row: z.infer<typeof DigestItems>[number]): PublishItem {
  return { paper: row.paper, summary: row.summary, pick: row.pick, related: row.related };
}
