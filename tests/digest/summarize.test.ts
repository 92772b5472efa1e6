/** `summarizePapers` end to end: full text from the arXiv fake, the real OpenAI client against its fake. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizePapers } from '../../src/digest/summarize.ts';
import { createSummarizeDeps } from '../../src/digest/summarize-deps.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';
import { createSummariesStore } from '../../src/store/summaries-store.ts';
import { createTagsStore } from '../../src/store/tags-store.ts';
import { type ArxivFake, loadSharedPapers, startArxivFake } from '../fakes/arxiv-fake.ts';
import { type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
import { toPaper } from '../fulltext/setup.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { copyPrompts, digestWiring, isSummaryRequest, summaryReply, titleOf, userText } from './setup.ts';

const tempDir = useTempDirs();
const papers = loadSharedPapers(3);
const [withText, bare, third] = papers.map(toPaper);
let arxiv: ArxivFake;
let openai: OpenAIFake;
let stateDir: string;

beforeEach(async () => {
  arxiv = await startArxivFake({ papers, links: 'self' });
  openai = await startOpenAIFake();
  stateDir = tempDir();
  await createPapersStore(stateDir).upsert(papers.map(toPaper));
  openai.onChat((request) =>
    isSummaryRequest(request)
      ? summaryReply(request, ['LLMs', 'Retrieval-Augmented Generation', 'benchmarks'])
      : {},
  );
});
afterEach(async () => {
  await arxiv.close();
  await openai.close();
});

const ids = () => [withText?.id ?? '', bare?.id ?? ''];

async function run(options: { force?: boolean; promptsDir?: string; withKey?: boolean } = {}, which = ids()) {
  const wiring = digestWiring({ openaiUrl: openai.url, arxivUrl: arxiv.url, stateDir, ...options });
  return summarizePapers(await createSummarizeDeps(wiring), which, { force: options.force === true });
}

describe('radar summarize', () => {
  it('stores a summary with model, prompt hash and text route; abstract-only papers say so', async () => {
    if (!withText || !bare) throw new Error('no sample papers');
    const doc = arxiv.generateFullText(withText.id);
    const result = await run();
    expect(result).toMatchObject({ skipped: [], failed: [], extractive: [] });
    expect(result.summarized.sort()).toEqual(ids().sort());
    const stored = await createSummariesStore(stateDir).get(ids());
    const full = stored.get(withText.id);
    expect(full).toMatchObject({ model: 'default/gpt-4o-mini', source: 'llm', textRoute: 'latex' });
    expect(full?.promptHash).toMatch(/^[0-9a-f]{16}$/);
    expect(stored.get(bare.id)?.textRoute).toBe('abstract');
    const requests = openai.chatRequests().filter(isSummaryRequest);
    const fullPrompt = requests.find((r) => titleOf(r) === withText.title);
    expect(userText(fullPrompt ?? ({ model: '', messages: [] } as never))).toContain(
      doc.sections[0]?.heading ?? '###',
    );
    const barePrompt = requests.find((r) => titleOf(r) === bare.title);
    expect(userText(barePrompt ?? ({ model: '', messages: [] } as never))).toMatch(
      /Only the abstract is available/,
    );
    expect(isClean(await checkState(stateDir))).toBe(true);
  });

  it('normalizes synonym tags of two papers onto one vocabulary and persists it', async () => {
    if (!withText || !bare) throw new Error('no sample papers');
    openai.onChat((request) => {
      if (!isSummaryRequest(request)) return {};
      return titleOf(request) === withText.title
        ? summaryReply(request, ['LLMs', 'RAG', 'benchmarks'])
        : summaryReply(request, [
            'large language models',
            'retrieval augmented generation',
            'Benchmark',
            'agents',
          ]);
    });
    await run({}, [withText.id, bare.id]);
    const stored = await createSummariesStore(stateDir).get(ids());
    expect(stored.get(withText.id)?.tags).toEqual(['LLMs', 'RAG', 'benchmarks']);
    expect(stored.get(bare.id)?.tags).toEqual(['LLMs', 'RAG', 'benchmarks', 'agents']);
    const vocab = await createTagsStore(stateDir).read();
    expect(vocab.map((t) => t.name).sort()).toEqual(['LLMs', 'RAG', 'agents', 'benchmarks']);
    expect(vocab.find((t) => t.name === 'RAG')?.aliases).toEqual(['retrieval augmented generation']);
  });

  it('skips summarized papers on a second run; --force redoes them only when the prompt changed', async () => {
    await run();
    const calls = openai.chatRequests().filter(isSummaryRequest).length;
    expect(await run()).toMatchObject({ summarized: [], skipped: ids() });
    expect(await run({ force: true })).toMatchObject({ summarized: [] });
    expect(openai.chatRequests().filter(isSummaryRequest)).toHaveLength(calls);
    const promptsDir = copyPrompts(tempDir());
    const file = join(promptsDir, 'summarize.md');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nBe brief.\n`);
    const before = (await createSummariesStore(stateDir).get(ids())).get(ids()[0] ?? '')?.promptHash;
    expect(await run({ promptsDir })).toMatchObject({ summarized: [] });
    const forced = await run({ promptsDir, force: true });
    expect(forced.summarized.sort()).toEqual(ids().sort());
    const after = (await createSummariesStore(stateDir).get(ids())).get(ids()[0] ?? '')?.promptHash;
    expect(after).not.toBe(before);
  });

  it('falls back to the extractive summary, with a note, only for the paper whose answer stays invalid', async () => {
    if (!third || !bare) throw new Error('no sample papers');
    openai.onChat((request) => {
      if (!isSummaryRequest(request)) return {};
      return titleOf(request) === bare.title
        ? { json: { one_sentence_summary: '' } }
        : summaryReply(request, ['a', 'b', 'c']);
    });
    const result = await run({}, [...ids(), third.id]);
    expect(result.failed.map((f) => f.id)).toEqual([bare.id]);
    expect(result.failed[0]?.error).toMatch(/^validation: invalid after one retry/);
    expect(result.fallback).toEqual([bare.id]);
    expect(result.summarized.sort()).toEqual([...ids(), third.id].sort());
    const stored = await createSummariesStore(stateDir).get([bare.id, third.id]);
    expect(stored.get(bare.id)).toMatchObject({ source: 'extractive', textRoute: 'abstract' });
    expect(stored.get(bare.id)?.note).toMatch(
      /^summary from the abstract: the LLM failed: validation: invalid after one retry/,
    );
    expect(stored.get(third.id)).toMatchObject({ source: 'llm' });
    expect(stored.get(third.id)?.note).toBeUndefined();
  });

  it('writes extractive summaries without an LLM, marked as such', async () => {
    const result = await run({ withKey: false });
    expect(result.extractive.sort()).toEqual(ids().sort());
    expect(openai.chatRequests()).toHaveLength(0);
    const stored = await createSummariesStore(stateDir).get(ids());
    expect(stored.get(ids()[0] ?? '')).toMatchObject({
      source: 'extractive',
      model: 'extractive',
      textRoute: 'abstract',
    });
    const llmRun = await run();
    expect(llmRun.summarized.sort()).toEqual(ids().sort());
  });
});
