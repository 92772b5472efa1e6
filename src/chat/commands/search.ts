/**
 * `/search <query>` on every chat platform: BM25 over the radar's papers through the search
 * module (the same engine as `radar search`), top results with title, date, a one-line snippet
 * and the link. The corpus stays open between calls while the papers shards are unchanged, so a
 * query does not re-read the store.
 */
import { errorMessage } from '../../core/errors.ts';
import { createSearchEngine } from '../../search/create-engine.ts';
import { openPapersCorpus, type PapersCorpus } from '../../search/papers-corpus.ts';
import type { SearchEngine } from '../../search/search-port.ts';
import { storedPapersIndex } from '../../search/stored-papers-index.ts';
import type { Inline } from '../chat-adapter.ts';
import { bold, italic, link, plainMessage, text } from '../message-format.ts';
import type { Command, CommandDeps } from './command-types.ts';

const TOP = 5;

interface OpenSearch {
  stamp: string;
  corpus: PapersCorpus;
  engine: SearchEngine;
}

// Keyed by the bot's deps object: one open corpus per running bot, released with it.
const open = new WeakMap<CommandDeps, Promise<OpenSearch>>();

async function searchFor(deps: CommandDeps): Promise<OpenSearch> {
  const files = storedPapersIndex(deps.stateDir);
  const stamp = JSON.stringify(await files.shardStamps());
  const current = await open.get(deps)?.catch(() => undefined);
  if (current?.stamp === stamp) return current;
  const opening = (async () => {
    const corpus = await openPapersCorpus({ stores: deps.stores, files });
    const engine = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus });
    return { stamp, corpus, engine };
  })();
  open.set(deps, opening);
  return opening;
}

export const search: Command = async (deps, request) => {
  const query = request.args.trim();
  if (query === '') return plainMessage('Usage: /search <query>, e.g. /search speculative decoding');
  let opened: OpenSearch;
  try {
    opened = await searchFor(deps);
  } catch (error) {
    return plainMessage(`Search is not available right now: ${errorMessage(error)}`);
  }
  const { corpus, engine } = opened;
  if (corpus.size() === 0)
    return plainMessage('No papers in the local store yet: run `radar collect papers` first.');
  const result = await engine.search(query, { k: TOP });
  if (result.emptyQuery)
    return plainMessage(
      `"${query}" has only common words (like "the", "of"): add a topic word, e.g. /search graph neural networks`,
    );
  if (result.hits.length === 0) return plainMessage(`No paper among ${corpus.size()} matches "${query}".`);
  const blocks: Inline[][] = [[bold(`Top ${result.hits.length} for "${query}"`), text(' (BM25)')]];
  result.hits.forEach((hit, i) => {
    const paper = corpus.paper(hit.id);
    if (!paper) return;
    const line: Inline[] = [
      text(`${i + 1}. `),
      link(paper.title, paper.absUrl),
      text(` (${paper.id}, ${paper.published.slice(0, 10)})`),
    ];
    if (hit.snippet) line.push(text(' — '), italic(hit.snippet));
    blocks.push(line);
  });
  return { blocks };
};
