/** Publishes to files under `state/out/`: one markdown page per paper and one HTML digest per day. */
import { join } from 'node:path';
import { errorMessage } from '../../core/errors.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import type { Publisher, PublishResult } from '../publisher.ts';
import { renderDigestHtml } from './render-html.ts';
import { renderPaperMarkdown } from './render-markdown.ts';

export function paperFileName(id: string): string {
  return `${id.replace(/\//g, '_')}.md`;
}

export function createLocalPublisher(outDir: string): Publisher {
  return {
    name: 'local',
    async publish(day, items) {
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
      const digest = join(outDir, `digest-${day}.html`);
      await writeFileAtomic(digest, renderDigestHtml(day, items));
      return { results, outputs: { digest } };
    },
  };
}
