/**
 * Did an append land although its answer was lost? The page's last children are compared with
 * the chunk by type and text: a retried append that already happened is then skipped.
 */
import type { BlockObjectRequest, Client } from '@notionhq/client';

type Children = Awaited<ReturnType<Client['blocks']['children']['list']>>['results'];

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** Plain text of a block's rich text, from a request block or a response block alike. */
export function blockText(block: unknown): string {
  const type = field(block, 'type');
  const payload = typeof type === 'string' ? field(block, type) : undefined;
  const rich = field(payload, 'rich_text');
  if (!Array.isArray(rich)) return '';
  return rich
    .map((item: unknown) => {
      const plain = field(item, 'plain_text');
      if (typeof plain === 'string') return plain;
      const content = field(field(item, 'text'), 'content');
      if (typeof content === 'string') return content;
      const expression = field(field(item, 'equation'), 'expression');
      return typeof expression === 'string' ? expression : '';
    })
    .join('');
}

export const blockSignature = (block: unknown): string =>
  `${String(field(block, 'type'))}:${blockText(block)}`;

async function allChildren(client: Client, blockId: string): Promise<Children> {
  const out: Children = [];
  let cursor: string | undefined;
  do {
    const start = cursor;
    const page = await client.blocks.children.list({
      block_id: blockId,
      page_size: 100,
      ...(start ? { start_cursor: start } : {}),
    });
    out.push(...page.results);
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return out;
}

export async function chunkLanded(
  client: Client,
  pageId: string,
  chunk: readonly BlockObjectRequest[],
): Promise<boolean> {
  const children = await allChildren(client, pageId);
  if (children.length < chunk.length) return false;
  const tail = children.slice(children.length - chunk.length);
  return tail.every((block, i) => blockSignature(block) === blockSignature(chunk[i]));
}

/**
 * What a block shows, from a request block or a response block alike: type, and per rich-text
 * piece its text, link and the annotations that are on. Equal signatures need no write.
 */
export function blockContentSignature(block: unknown): string {
  const type = field(block, 'type');
  const payload = typeof type === 'string' ? field(block, type) : undefined;
  const rich = field(payload, 'rich_text');
  const pieces = Array.isArray(rich)
    ? rich.map((item: unknown) => {
        const annotations = field(item, 'annotations');
        const on =
          typeof annotations === 'object' && annotations !== null
            ? Object.entries(annotations)
                .filter(([key, value]) => value === true || (key === 'color' && value !== 'default'))
                .map(([key, value]) => (key === 'color' ? `color=${String(value)}` : key))
                .sort()
            : [];
        const link = field(field(field(item, 'text'), 'link'), 'url') ?? field(item, 'href') ?? '';
        const text = blockText({ type: 'x', x: { rich_text: [item] } });
        return [text, String(link ?? ''), on.join(',')];
      })
    : [];
  const language = field(payload, 'language');
  return JSON.stringify([type, pieces, typeof language === 'string' ? language : '']);
}
