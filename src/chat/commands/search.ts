import { createPapersStore } from '../../store/papers-store.ts';
import type { Inline } from '../chat-adapter.ts';
import { readSummaries } from '../digest-items.ts';
import { bold, link, plainMessage, text } from '../message-format.ts';
import type { Command } from './command-types.ts';
import { keywordSearch } from './keyword-search.ts';

const TOP = 5;

export const search: Command = async (deps, request) => {
  const query = request.args.trim();
  if (query === '') return plainMessage('Usage: /search <query>, e.g. /search speculative decoding');
  const papers = await createPapersStore(deps.stateDir).readAll();
  if (papers.length === 0)
    return plainMessage('No papers in the local store yet: run `radar collect papers` first.');
  const summaries = await readSummaries(
    deps.stateDir,
    papers.map((p) => p.id),
  );
  const docs = papers.map((p) => ({
    id: p.id,
    title: p.title,
    abstract: p.abstract,
    tldr: summaries.get(p.id)?.tldr,
  }));
  const hits = keywordSearch(docs, query, TOP);
  if (hits.length === 0) return plainMessage(`No paper among ${papers.length} matches "${query}".`);
  const byId = new Map(papers.map((p) => [p.id, p]));
  const blocks: Inline[][] = [[bold(`Top ${hits.length} for "${query}"`), text(' (keyword match)')]];
  hits.forEach((hit, i) => {
    const paper = byId.get(hit.id);
    if (!paper) return;
    const tldr = summaries.get(hit.id)?.tldr;
    const line: Inline[] = [text(`${i + 1}. `), link(paper.title, paper.absUrl), text(` (${paper.id})`)];
    if (tldr) line.push(text(` — ${tldr}`));
    blocks.push(line);
  });
  return { blocks };
};
