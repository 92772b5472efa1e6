/**
 * Today's digest items from the state: the picks of a date, their paper rows and, where the
 * digest has run, their summaries (tldr, tags). Missing summaries degrade to the abstract.
 */
import { createPapersStore } from '../store/papers-store.ts';
import { createPicksStore, type PickRecord } from '../store/picks-store.ts';
import { createSummariesStore } from '../store/summaries-store.ts';
import { texToText } from '../text/latex/render-tex.ts';
import type { DigestItem } from './chat-adapter.ts';

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
    const code = summary.code_and_data_links.find((l) => /^https:\/\/(github\.com|gitlab\.com)\//.test(l));
    out.set(id, { tldr: summary.one_sentence_summary, tags: summary.tags, ...(code ? { code } : {}) });
  }
  return out;
}

function firstSentences(abstract: string, max = 280): string {
  const clean = abstract.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const stop = cut.lastIndexOf('. ');
  return stop > 80 ? cut.slice(0, stop + 1) : `${cut.trimEnd()}…`;
}

function reasonText(pick: PickRecord): string {
  return pick.reason === 'explore' ? 'the classifier is unsure' : 'top score';
}

export async function loadDigestItems(stateDir: string, date: string): Promise<DigestItem[]> {
  const picks = await createPicksStore(stateDir).forDate(date);
  if (picks.length === 0) return [];
  const ids = picks.map((p) => p.id);
  const papers = await createPapersStore(stateDir).get(ids);
  const summaries = await readSummaries(stateDir, ids);
  return picks.flatMap((pick): DigestItem[] => {
    const paper = papers.get(pick.id);
    if (!paper) return [];
    const summary = summaries.get(pick.id);
    return [
      {
        paperId: pick.id,
        title: texToText(paper.title),
        tldr: texToText(summary?.tldr ?? firstSentences(paper.abstract)),
        tags: summary?.tags ?? paper.categories,
        score: pick.score,
        reason: pick.reason,
        reasonText: reasonText(pick),
        links: { abs: paper.absUrl, pdf: paper.pdfUrl, ...(summary?.code ? { code: summary.code } : {}) },
      },
    ];
  });
}
