/**
 * What `radar publish` publishes, read from the state: the given ids, else the latest day's
 * picks, else the summarized papers not published yet; plus the ids whose last publish failed.
 */
import { compareIds } from '../core/arxiv-id.ts';
import type { PickRecord } from '../store/picks-store.ts';
import type { Stores } from '../store/stores.ts';
import type { PublishItem } from './publisher.ts';

/** The stores the publish items are read from. */
export type PublishItemsStores = Pick<Stores, 'papers' | 'picks' | 'summaries' | 'links'>;

export interface PublishSelection {
  ids?: readonly string[] | undefined;
  /** Ids already published (skipped when falling back to unpublished summaries). */
  published: ReadonlySet<string>;
  /** Ids to retry whatever the selection (failed last time). */
  retry: readonly string[];
  today: string;
}

export interface LoadedItems {
  day: string;
  items: PublishItem[];
  /** Requested ids with no paper row. */
  missing: string[];
}

/** The best pick per id (several models may pick the same paper). */
function bestPicks(picks: readonly PickRecord[]): Map<string, PickRecord> {
  const best = new Map<string, PickRecord>();
  for (const pick of picks) {
    const current = best.get(pick.id);
    if (!current || pick.date > current.date || (pick.date === current.date && pick.score > current.score))
      best.set(pick.id, pick);
  }
  return best;
}

async function selectIds(
  stores: Pick<Stores, 'summaries'>,
  selection: PublishSelection,
  picks: readonly PickRecord[],
): Promise<{ day: string; ids: string[] }> {
  if (selection.ids && selection.ids.length > 0) return { day: selection.today, ids: [...selection.ids] };
  const latest = picks.reduce((max, p) => (p.date > max ? p.date : max), '');
  if (latest !== '') return { day: latest, ids: picks.filter((p) => p.date === latest).map((p) => p.id) };
  const summaries = await stores.summaries.readAll();
  return {
    day: selection.today,
    ids: summaries.map((s) => s.id).filter((id) => !selection.published.has(id)),
  };
}

/** The related papers of each id (links other than `none`), with their titles. */
export async function loadRelated(
  stores: Pick<Stores, 'papers' | 'links'>,
  ids: readonly string[],
): Promise<Map<string, PublishItem['related']>> {
  const wanted = new Set(ids);
  const links = (await stores.links.readAll()).filter((l) => wanted.has(l.from) && l.relation !== 'none');
  const linkedPapers = await stores.papers.get(links.map((l) => l.to));
  const related = new Map<string, Array<PublishItem['related'][number]>>();
  for (const link of links) {
    const list = related.get(link.from) ?? [];
    list.push({ id: link.to, title: linkedPapers.get(link.to)?.title ?? link.to, relation: link.relation });
    related.set(link.from, list);
  }
  return related;
}

export async function loadPublishItems(
  stores: PublishItemsStores,
  selection: PublishSelection,
): Promise<LoadedItems> {
  const picks = await stores.picks.readAll();
  const selected = await selectIds(stores, selection, picks);
  const ids = [...new Set([...selected.ids, ...selection.retry])].sort(compareIds);
  const papers = await stores.papers.get(ids);
  const summaries = await stores.summaries.get(ids);
  const best = bestPicks(picks);
  const related = await loadRelated(stores, ids);
  const items: PublishItem[] = [];
  for (const id of ids) {
    const paper = papers.get(id);
    if (!paper) continue;
    const pick = best.get(id);
    items.push({
      paper,
      summary: summaries.get(id),
      pick: pick ? { score: pick.score, reason: pick.reason, model: pick.model } : undefined,
      related: related.get(id) ?? [],
    });
  }
  return { day: selected.day, items, missing: ids.filter((id) => !papers.has(id)) };
}
