/**
 * Today's digest items from the state: the picks of a date joined with their papers, summaries
 * and Notion pages, built by the one digest item builder (digest-item.ts).
 */
import { dayItems } from '../pipeline/day-items.ts';
import { createNotionMapStore } from '../store/notion-map-store.ts';
import { createPapersStore } from '../store/papers-store.ts';
import { createPicksStore } from '../store/picks-store.ts';
import { createSummariesStore } from '../store/summaries-store.ts';
import type { DigestItem } from './chat-adapter.ts';
import { codeLinkOf, paperPageUrls, toDigestItem } from './digest-item.ts';

export interface SummaryView {
  tldr: string;
  tags: string[];
  code?: string;
}

/** The digest's view of stored summaries: the one-sentence summary, the tags, a code link. */
export async function readSummaries(
  stateDir: string,
  ids: readonly string[],
): Promise<Map<string, SummaryView>> {
  const stored = await createSummariesStore(stateDir).get(ids);
  const out = new Map<string, SummaryView>();
  for (const [id, summary] of stored) {
    const code = codeLinkOf(summary);
    out.set(id, { tldr: summary.one_sentence_summary, tags: summary.tags, ...(code ? { code } : {}) });
  }
  return out;
}

export async function loadDigestItems(
  stateDir: string,
  date: string,
  models: readonly string[] = [],
): Promise<DigestItem[]> {
  const items = await dayItems(
    {
      papers: createPapersStore(stateDir),
      picks: createPicksStore(stateDir),
      summaries: createSummariesStore(stateDir),
      models,
    },
    date,
  );
  if (items.length === 0) return [];
  const notion = paperPageUrls(await createNotionMapStore(stateDir).load());
  return items.map((item) => toDigestItem(item, notion.get(item.paper.id)));
}
