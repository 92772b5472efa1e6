/**
 * `radar tags merge|rename`: edits of the vocabulary by hand, with every summary's tags
 * rewritten to follow (one atomic write per touched summaries shard), and the tag counts.
 */
import type { StoredSummary } from '../core/summary.ts';
import { extractiveSummary } from '../digest/extractive-summary.ts';
import { createPaperKeyphrases } from '../digest/paper-keyphrases.ts';
import { finalTags } from '../digest/summary-plan.ts';
import type { Paper } from '../store/schemas.ts';
import type { SummariesStore } from '../store/summaries-store.ts';
import type { TagsStore } from '../store/tags-store.ts';
import { createVocabulary, type TagEntry, type Vocabulary } from './vocabulary.ts';

export interface TagEditDeps {
  tags: TagsStore;
  summaries: SummariesStore;
  papers: { get(ids: readonly string[]): Promise<Map<string, Paper>> };
}

export interface TagCount extends TagEntry {
  count: number;
}

/** Canonical tags with the number of summaries using each, most used first; tags only in summaries count too. */
export function countTags(entries: readonly TagEntry[], summaries: readonly StoredSummary[]): TagCount[] {
  const vocabulary = createVocabulary(entries);
  const counts = new Map<string, number>(vocabulary.names().map((n) => [n, 0]));
  for (const s of summaries)
    for (const tag of new Set(s.tags.map((t) => vocabulary.lookup(t)?.name ?? t)))
      counts.set(tag, (counts.get(tag) ?? 0) + 1);
  const aliases = new Map(vocabulary.entries().map((e) => [e.name, e.aliases]));
  return [...counts]
    .map(([name, count]) => ({ name, aliases: aliases.get(name) ?? [], count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

async function rewriteSummaries(
  deps: TagEditDeps,
  vocabulary: Vocabulary,
  touched: ReadonlySet<string>,
): Promise<number> {
  const all = await deps.summaries.readAll();
  const canonical = (tag: string): string => (touched.has(tag) ? (vocabulary.lookup(tag)?.name ?? tag) : tag);
  const changed = all.filter((s) => s.tags.some((t) => canonical(t) !== t));
  const papers = await deps.papers.get(changed.map((s) => s.id));
  const rewritten = changed.map((s) => {
    const paper = papers.get(s.id);
    const fallback = paper
      ? extractiveSummary(paper, { keyphrases: createPaperKeyphrases([paper]).of(paper) }).tags.map(
          (t) => vocabulary.lookup(t)?.name ?? t,
        )
      : ['research', 'arxiv', 'paper'];
    return { ...s, tags: finalTags(s.tags, canonical, fallback) };
  });
  await deps.summaries.upsert(rewritten);
  return rewritten.length;
}

export type TagEdit = { kind: 'merge' | 'rename'; from: string; to: string };

/** Applies the edit; returns how many summaries changed, or an error message when a tag is unknown. */
export async function applyTagEdit(
  deps: TagEditDeps,
  edit: TagEdit,
): Promise<{ ok: true; summaries: number } | { ok: false; error: string }> {
  const vocabulary = createVocabulary(await deps.tags.read());
  const from = vocabulary.lookup(edit.from)?.name;
  if (from === undefined) return { ok: false, error: `no tag "${edit.from}"` };
  const source = vocabulary.entries().find((e) => e.name === from);
  const touched = new Set([from, ...(source?.aliases ?? [])]);
  if (edit.kind === 'merge') {
    const into = vocabulary.lookup(edit.to)?.name;
    if (into === undefined) return { ok: false, error: `no tag "${edit.to}"` };
    if (into === from) return { ok: false, error: `"${edit.from}" and "${edit.to}" are already one tag` };
    vocabulary.merge(from, into);
  } else if (!vocabulary.rename(from, edit.to)) return { ok: false, error: `cannot rename "${edit.from}"` };
  const summaries = await rewriteSummaries(deps, vocabulary, touched);
  await deps.tags.write(vocabulary.entries());
  return { ok: true, summaries };
}
