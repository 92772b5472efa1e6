/**
 * Reports (the interest profile, the weekly trends) as plain Notion pages under the parent
 * page: markdown headings become headings, the rest paragraphs and bullets with inline math.
 */
import type { BlockObjectRequest } from '@notionhq/client/build/src/api-endpoints.js';
import type { NotionApi } from './notion-client.ts';
import { pageUrl } from './notion-publisher.ts';
import { type Block, textBlocks } from './page-content.ts';
import { MAX_BLOCKS_PER_REQUEST } from './page-writer.ts';
import { textItems } from './rich-text.ts';

/** Markdown → Notion blocks (pure). */
export function markdownBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let buffer: string[] = [];
  const flush = (): void => {
    if (buffer.length > 0) blocks.push(...textBlocks(buffer.join('\n')));
    buffer = [];
  };
  for (const line of markdown.split('\n')) {
    const heading = /^#{1,6}\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading_2', heading_2: { rich_text: textItems(heading[1] ?? '') } });
    } else buffer.push(line);
  }
  flush();
  return blocks;
}

/** Creates the page and returns its URL; blocks beyond the first 100 are appended in chunks. */
export async function createReportPage(
  api: NotionApi,
  parentPageId: string,
  title: string,
  markdown: string,
): Promise<string> {
  const blocks: BlockObjectRequest[] = markdownBlocks(markdown.replace(/^#\s+.*\n/, ''));
  const pageId = await api.call(
    'pages.create',
    async (client) =>
      (
        await client.pages.create({
          parent: { type: 'page_id', page_id: parentPageId },
          properties: { title: { title: textItems(title) } },
          children: blocks.slice(0, MAX_BLOCKS_PER_REQUEST),
        })
      ).id,
  );
  for (let i = MAX_BLOCKS_PER_REQUEST; i < blocks.length; i += MAX_BLOCKS_PER_REQUEST) {
    const children = blocks.slice(i, i + MAX_BLOCKS_PER_REQUEST);
    await api.call('blocks.children.append', (client) =>
      client.blocks.children.append({ block_id: pageId, children }),
    );
  }
  return pageUrl(pageId);
}
