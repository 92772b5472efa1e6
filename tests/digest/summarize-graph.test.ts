/**
 * The digest job as a dependency graph, against the OpenAI fake answering with latency: every
 * paper's related-paper call follows its own summary and overlaps the other papers' summaries,
 * and no more calls are in flight than the provider's limit.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { summarizeAndRelate } from '../../src/digest/digest-job.ts';
import { createDigestLlm, type DigestWiring } from '../../src/digest/summarize-deps.ts';
import { createLinksStore } from '../../src/store/links-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { type ArxivFake, loadSharedPapers, startArxivFake } from '../fakes/arxiv-fake.ts';
import { type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
import type { ChatRequest } from '../fakes/openai-fake-chat.ts';
import { toPaper } from '../fulltext/setup.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { digestWiring, isSummaryRequest, summaryReply, titleOf } from './setup.ts';

const tempDir = useTempDirs();
const shared = loadSharedPapers(12);
const papers = shared.map(toPaper);
const LIMIT = 3;
const DIMS = 64;
/** The wiring's embedding model (tests/digest/setup.ts). */
const MODEL = 'hashing-64';
let arxiv: ArxivFake;
let openai: OpenAIFake;

beforeEach(async () => {
  arxiv = await startArxivFake({ papers: shared, links: 'self' });
  openai = await startOpenAIFake();
});
afterEach(async () => {
  await arxiv.close();
  await openai.close();
});

function lastUserText(request: ChatRequest): string {
  const content = request.messages.findLast((m) => m.role === 'user')?.content;
  return typeof content === 'string' ? content : '';
}

function relatedAnswer(request: ChatRequest) {
  const lines = lastUserText(request)
    .split('\n')
    .filter((l) => /^\d+\. \[/.test(l));
  return {
    json: { relations: lines.map((_, index) => ({ index, relation: 'same-task', reason: 'same task' })) },
  };
}

/** Vectors on two directions, so every paper has near neighbours among the others. */
function vectors() {
  const data = new Float32Array(papers.length * DIMS);
  papers.forEach((_, r) => {
    for (let j = 0; j < DIMS; j++) data[r * DIMS + j] = (j % 2 === r % 2 ? 1 : 0.2) + 0.01 * Math.sin(r + j);
  });
  return { ids: papers.map((p) => p.id), dims: DIMS, data };
}

async function storeVectors(wiring: DigestWiring): Promise<void> {
  const store = wiring.stores.vectors(MODEL);
  await store.writeMeta({
    model: MODEL,
    backend: 'hashing',
    dims: DIMS,
    normalize: true,
    createdAt: '2026-05-07T00:00:00Z',
  });
  const { ids, data } = vectors();
  await store.upsert(ids.map((id, r) => ({ id, vector: data.subarray(r * DIMS, (r + 1) * DIMS) })));
}

describe('summarize and relate as a dependency graph', () => {
  // A barrier after all summaries would hold every related call for the slow one; stores in
  // input order would hold them too when the slow one comes first.
  it.each([
    ['last', papers.at(-1)?.id ?? ''],
    ['first', papers[0]?.id ?? ''],
  ])(
    'starts each related call right after its summary, within the provider limit (slow paper %s)',
    async (_, SLOW) => {
      const stateDir = tempDir();
      await createPapersStore(stateDir).upsert(papers);
      const idOfTitle = new Map(papers.map((p) => [p.title, p.id]));
      const events: string[] = [];
      let inFlight = 0;
      let maxInFlight = 0;
      openai.onChat(async (request) => {
        const summary = isSummaryRequest(request);
        const id = summary
          ? (idOfTitle.get(titleOf(request)) ?? titleOf(request))
          : (/Paper (\S+):/.exec(lastUserText(request))?.[1] ?? '?');
        const kind = summary ? 'summary' : 'related';
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        events.push(`${kind}-start ${id}`);
        // The provider's latency, served by the fake: one summary is much slower than the rest.
        await delay(summary && id === SLOW ? 1500 : 30);
        inFlight -= 1;
        events.push(`${kind}-end ${id}`);
        return summary ? summaryReply(request, ['LLMs', 'retrieval', 'benchmarks']) : relatedAnswer(request);
      });
      // In the embeddings store: the job reads the rows it needs from there, shard by shard.
      const wiring = digestWiring({
        openaiUrl: openai.url,
        arxivUrl: arxiv.url,
        stateDir,
        concurrency: LIMIT,
      });
      await storeVectors(wiring);
      const result = await summarizeAndRelate(
        wiring,
        createDigestLlm(wiring),
        papers.map((p) => p.id),
      );

      expect(result.summaries.summarized).toHaveLength(papers.length);
      expect(result.summaries.failed).toEqual([]);
      expect(maxInFlight).toBe(LIMIT);
      const related = events.filter((e) => e.startsWith('related-start'));
      // The first paper stored has no summarized neighbour yet; every later one has.
      expect(related.length).toBe(papers.length - 1);
      expect(result.related?.llmCalls).toBe(related.length);
      for (const start of related) {
        const id = start.split(' ')[1];
        expect(events.indexOf(`summary-end ${id}`)).toBeGreaterThanOrEqual(0);
        expect(events.indexOf(`summary-end ${id}`)).toBeLessThan(events.indexOf(start));
      }
      // Related calls run beside the slow summary instead of waiting for every summary.
      const slowEnd = events.indexOf(`summary-end ${SLOW}`);
      expect(events.findIndex((e) => e.startsWith('related-end'))).toBeLessThan(slowEnd);
      expect(events.indexOf(`related-start ${SLOW}`)).toBeGreaterThan(slowEnd);
      expect((await createLinksStore(stateDir).readAll()).length).toBeGreaterThan(0);
    },
  );
});
