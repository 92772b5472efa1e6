/**
 * The keyphrase corpus (the store's newest papers, scored through the LaTeX parser) is read only
 * when some paper needs extractive tags: never when the LLM gives every paper its tags, once when
 * papers fall back to the extractive summary.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizePapers } from '../../src/digest/summarize.ts';
import { createSummarizeDeps } from '../../src/digest/summarize-deps.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { type ArxivFake, loadSharedPapers, startArxivFake } from '../fakes/arxiv-fake.ts';
import { type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
import { toPaper } from '../fulltext/setup.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { digestWiring, isSummaryRequest, summaryReply, titleOf } from './setup.ts';

const tempDir = useTempDirs();
const shared = loadSharedPapers(4);
const papers = shared.map(toPaper);
const ids = papers.map((p) => p.id);
let arxiv: ArxivFake;
let openai: OpenAIFake;
let stateDir: string;

beforeEach(async () => {
  arxiv = await startArxivFake({ papers: shared, links: 'self' });
  openai = await startOpenAIFake();
  stateDir = tempDir();
  await createPapersStore(stateDir).upsert(papers);
});
afterEach(async () => {
  await arxiv.close();
  await openai.close();
});

/** The job's deps with the corpus read counted. */
async function countingDeps(withKey: boolean) {
  const wiring = digestWiring({ openaiUrl: openai.url, arxivUrl: arxiv.url, stateDir, withKey });
  const deps = await createSummarizeDeps(wiring);
  const reads = { count: 0 };
  const corpus = deps.corpus;
  return {
    reads,
    deps: {
      ...deps,
      corpus: async () => {
        reads.count += 1;
        return corpus ? corpus() : [];
      },
    },
  };
}

describe('the keyphrase corpus', () => {
  it('is never read when the LLM gives every paper three tags', async () => {
    openai.onChat((request) =>
      isSummaryRequest(request) ? summaryReply(request, ['a b', 'c d', 'e f']) : {},
    );
    const { deps, reads } = await countingDeps(true);

    const result = await summarizePapers(deps, ids);

    expect(result.summarized.sort()).toEqual([...ids].sort());
    expect(result.extractive).toEqual([]);
    expect(reads.count).toBe(0);
  });

  it('is read once when papers fall back to the extractive summary, which gets keyphrase tags', async () => {
    const failing = new Set([papers[0]?.title, papers[2]?.title]);
    openai.onChat((request) => {
      if (!isSummaryRequest(request)) return {};
      return failing.has(titleOf(request))
        ? { json: { one_sentence_summary: '' } }
        : summaryReply(request, ['a b', 'c d', 'e f']);
    });
    const { deps, reads } = await countingDeps(true);

    const result = await summarizePapers(deps, ids);

    expect(result.fallback.sort()).toEqual([papers[0]?.id, papers[2]?.id].sort());
    expect(reads.count).toBe(1);
    const stored = await deps.summaries.get(result.fallback);
    for (const id of result.fallback) expect(stored.get(id)?.tags.length).toBeGreaterThanOrEqual(3);
  });

  it('is read once for a whole batch of extractive summaries without an LLM', async () => {
    const { deps, reads } = await countingDeps(false);

    const result = await summarizePapers(deps, ids);

    expect(result.extractive.sort()).toEqual([...ids].sort());
    expect(reads.count).toBe(1);
  });
});
