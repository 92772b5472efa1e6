/**
 * Today's digest items from the state: the picks of a date joined with their papers, summaries
 * and Notion pages, built by the one digest item builder (digest-item.ts).
 */
import { dayItems } from '../pipeline/day-items.ts';
import type { Stores } from '../store/stores.ts';
import type { DigestItem } from './chat-adapter.ts';
import { codeLinkOf, paperPageUrls, toDigestItem } from './digest-item.ts';

export interface SummaryView {
  tldr: string;
  tags: string[];
  code?: string;
}

/** The digest's view of stored summaries: the one-sentence summary, the tags, a code link. */
export async function readSummaries(
  stores: Pick<Stores, 'summaries'>,
  ids: readonly string[],
): Promise<Map<string, SummaryView>> {
  const stored = await stores.summaries.get(ids);
  const out = new Map<string, SummaryView>();
  for (const [id, summary] of stored) {
    const code = codeLinkOf(summary);
    out.set(id, { tldr: summary.one_sentence_summary, tags: summary.tags, ...(code ? { code } : {}) });
  }
  return out;
}

/** The stores a day's digest items are read from. */
export type DigestStores = Pick<Stores, 'papers' | 'picks' | 'summaries' | 'notionMap'>;

export async function loadDigestItems(
  stores: DigestStores,
  date: string,
  models: readonly string[] = [],
): Promise<DigestItem[]> {
  const { papers, picks, summaries } = stores;
  const items = await dayItems({ papers, picks, summaries, models }, date);
  if (items.length === 0) return [];
  const notion = paperPageUrls(await stores.notionMap.load());
  return items.map((item) => toDigestItem(item, notion.get(item.paper.id)));
}
