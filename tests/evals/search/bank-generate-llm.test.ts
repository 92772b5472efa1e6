/**
 * `bank generate --llm` against the OpenAI fake (real openai SDK through the LLM layer): one
 * validated question per paper, a failed paper recorded and skipped, the content cache (a re-run
 * asks nothing), and the daily budget stopping the run.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPrompt } from '../../../src/digest/prompt-files.ts';
import { generateQuestions, type QuestionPaper } from '../../../src/evals/search/llm-question.ts';
import { createMemoryQuestionCacheStore } from '../../../src/store/memory/memory-eval-stores.ts';
import type { ChatRequest } from '../../fakes/openai-fake.ts';
import { type OpenAIFake, startOpenAIFake } from '../../fakes/openai-fake.ts';
import { setUpLlm } from '../../helpers/llm.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;

beforeEach(async () => {
  fake = await startOpenAIFake();
});
afterEach(async () => {
  await fake.close();
});

const papers: QuestionPaper[] = [
  {
    id: '2601.00001',
    title: 'Sparse attention for long documents',
    abstract: 'We sparsify attention.',
    categories: ['cs.CL'],
  },
  {
    id: '2601.00002',
    title: 'Protein folding with diffusion',
    abstract: 'Diffusion predicts folds.',
    categories: ['q-bio.BM'],
  },
  {
    id: '2601.00003',
    title: 'Graph networks for molecules',
    abstract: 'Message passing on molecules.',
    categories: ['cs.LG'],
  },
];

function paperIdOf(request: ChatRequest): string {
  const user = request.messages.find((m) => m.role === 'user')?.content;
  return (typeof user === 'string' ? user : '').match(/Paper id: (\S+)/)?.[1] ?? '';
}

/** Answers a question naming the paper; paper 2601.00002 gets an answer that never validates. */
function respond(request: ChatRequest) {
  const id = paperIdOf(request);
  if (id === '2601.00002')
    return { json: { question: 'short', question_type: 'riddle', difficulty: 'easy' } };
  return {
    json: { question: `how does paper ${id} make it work?`, question_type: 'method', difficulty: 'hard' },
  };
}

async function setUp(dailyUsd?: number) {
  const stateDir = tempDir();
  const { client } = setUpLlm({
    baseUrl: `${fake.url}/v1`,
    stateDir,
    maxRetries: 0,
    ...(dailyUsd === undefined ? {} : { dailyUsd }),
  });
  const template = await loadPrompt('bank-question');
  return { client, template, questions: createMemoryQuestionCacheStore() };
}

describe('bank generate with the LLM', () => {
  it('writes one unvalidated case per paper, records a failed paper, and a re-run makes 0 calls', async () => {
    fake.onChat(respond);
    const { client, template, questions } = await setUp();
    const first = await generateQuestions({ llm: client, template, cache: await questions.open() }, papers);
    expect(first.cases.map((c) => c.id)).toEqual(['gen-2601.00001', 'gen-2601.00003']);
    const [c1] = first.cases;
    expect(c1).toMatchObject({
      question: 'how does paper 2601.00001 make it work?',
      question_type: 'method',
      difficulty: 'hard',
      category: 'cs.CL',
      expected_document_ids: ['2601.00001'],
      validated: false,
      source: 'generated:llm:default/gpt-4o-mini',
    });
    expect(first.failures).toEqual([expect.objectContaining({ paperId: '2601.00002', kind: 'validation' })]);
    const sent = fake.chatRequests();
    // The failed paper is asked twice (the layer's one retry with the schema errors).
    expect(sent.map(paperIdOf)).toEqual(['2601.00001', '2601.00002', '2601.00002', '2601.00003']);
    expect(JSON.stringify(sent[0]?.messages)).toContain('Sparse attention for long documents');

    const again = await generateQuestions({ llm: client, template, cache: await questions.open() }, papers);
    expect(again.cached).toBe(2);
    expect(again.cases).toEqual(first.cases);
    // Only the paper without a cached answer is asked again.
    expect(fake.chatRequests().slice(sent.length).map(paperIdOf)).toEqual(['2601.00002', '2601.00002']);

    const before = fake.chatRequests().length;
    const cachedOnly = await generateQuestions(
      { llm: client, template, cache: await questions.open() },
      [papers[0], papers[2]].flatMap((p) => (p === undefined ? [] : [p])),
    );
    expect(cachedOnly.calls).toBe(0);
    expect(fake.chatRequests()).toHaveLength(before);

    const changed = papers.map((p) =>
      p.id === '2601.00001' ? { ...p, abstract: 'We prune attention.' } : p,
    );
    await generateQuestions({ llm: client, template, cache: await questions.open() }, changed.slice(0, 1));
    expect(fake.chatRequests().at(-1) && paperIdOf(fake.chatRequests().at(-1) as ChatRequest)).toBe(
      '2601.00001',
    );
  });

  it('stops calling once the daily budget is spent and records the papers left', async () => {
    fake.onChat(respond);
    const { client, template, questions } = await setUp(1e-9);
    const result = await generateQuestions(
      { llm: client, template, cache: await questions.open() },
      [papers[0], papers[2], papers[0]].flatMap((p, i) =>
        p === undefined ? [] : [{ ...p, id: `${p.id}${i}` }],
      ),
    );
    expect(fake.chatRequests()).toHaveLength(1);
    expect(result.cases).toHaveLength(1);
    expect(result.failures.map((f) => f.kind)).toEqual(['budget', 'budget']);
  });
});
