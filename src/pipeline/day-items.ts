/**
 * The day's digest items: the picks of the day (the first active model first, then papers
 * only the others picked), joined with their papers, summaries and related papers.
 */
import type { PublishItem } from '../publish/publisher.ts';
import type { PapersStore } from '../store/papers-store.ts';
import type { PickRecord, PicksStore } from '../store/picks-store.ts';
import type { SummariesStore } from '../store/summaries-store.ts';

export interface DayItemsDeps {
  papers: PapersStore;
  picks: PicksStore;
  summaries: SummariesStore;
  /** Active embedding models in config order; the first one's picks lead. */
  models: readonly string[];
  related?: (ids: readonly string[]) => Promise<Map<string, PublishItem['related']>>;
}

export function orderPicks(picks: readonly PickRecord[], models: readonly string[]): PickRecord[] {
  const rank = (model: string): number => {
    const i = models.indexOf(model);
    return i < 0 ? models.length : i;
  };
  const seen = new Set<string>();
  return [...picks]
    .sort((a, b) => rank(a.model) - rank(b.model) || b.score - a.score)
    .filter((p) => !seen.has(p.id) && seen.add(p.id));
}

export async function dayItems(deps: DayItemsDeps, day: string): Promise<PublishItem[]> {
  const picks = orderPicks(await deps.picks.forDate(day), deps.models);
  const ids = picks.map((p) => p.id);
  const [papers, summaries, related] = await Promise.all([
    deps.papers.get(ids),
    deps.summaries.get(ids),
    deps.related?.(ids) ?? Promise.resolve(new Map<string, PublishItem['related']>()),
  ]);
  const items: PublishItem[] = [];
  for (const pick of picks) {
    const paper = papers.get(pick.id);
    if (!paper) continue;
    items.push({
      paper,
      summary: summaries.get(pick.id),
      pick: { score: pick.score, reason: pick.reason, model: pick.model },
      related: related.get(pick.id) ?? [],
    });
  }
  return items;
}
