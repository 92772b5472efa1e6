/**
 * What `radar publish` publishes, read from the state: the given ids, else the latest day's
 * picks, else the summarized papers not published yet; plus the ids whose last publish failed.
 */
import { compareIds } from '../core/arxiv-id.ts';
import { createLinksStore } from '../store/links-store.ts';
import { createPapersStore } from '../store/papers-store.ts';
import { createPicksStore, type PickRecord } from '../store/picks-store.ts';
import { createSummariesStore } from '../store/summaries-store.ts';
import type { PublishItem } from './publisher.ts';

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
  stateDir: string,
  selection: PublishSelection,
  picks: readonly PickRecord[],
): Promise<{ day: string; ids: string[] }> {
  if (selection.ids && selection.ids.length > 0) return { day: selection.today, ids: [...selection.ids] };
  const latest = picks.reduce((max, p) => (p.date > max ? p.date : max), '');
  if (latest !== '') return { day: latest, ids: picks.filter((p) => p.date === latest).map((p) => p.id) };
  const summaries = await createSummariesStore(stateDir).readAll();
  return {
    day: selection.today,
    ids: summaries.map((s) => s.id).filter((id) => !selection.published.has(id)),
  };
}

/** The related papers of each id (links other than `none`), with their titles. */
export async function loadRelated(
  stateDir: string,
  ids: readonly string[],
): Promise<Map<string, PublishItem['related']>> {
  const wanted = new Set(ids);
  const links = (await createLinksStore(stateDir).readAll()).filter(
    (l) => wanted.has(l.from) && l.relation !== 'none',
  );
  const linkedPapers = await createPapersStore(stateDir).get(links.map((l) => l.to));
  const related = new Map<string, Array<PublishItem['related'][number]>>();
  for (const link of links) {
    const list = related.get(link.from) ?? [];
    list.push({ id: link.to, title: linkedPapers.get(link.to)?.title ?? link.to, relation: link.relation });
    related.set(link.from, list);
  }
  return related;
}

export async function loadPublishItems(stateDir: string, selection: PublishSelection): Promise<LoadedItems> {
  const picks = await createPicksStore(stateDir).readAll();
  const selected = await selectIds(stateDir, selection, picks);
  const ids = [...new Set([...selected.ids, ...selection.retry])].sort(compareIds);
  const papers = await createPapersStore(stateDir).get(ids);
  const summaries = await createSummariesStore(stateDir).get(ids);
  const best = bestPicks(picks);
  const related = await loadRelated(stateDir, ids);
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
