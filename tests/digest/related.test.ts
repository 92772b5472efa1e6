/** Related papers: ANN neighbours among summarized papers, one LLM call per new paper, never all pairs. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPrompt } from '../../src/digest/prompt-files.ts';
import { type RelatedDeps, relatePapers } from '../../src/digest/related.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { VectorMatrix } from '../../src/rank/vector-matrix.ts';
import { createLinksStore } from '../../src/store/links-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';
import { createSummariesStore } from '../../src/store/summaries-store.ts';
import { type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
import { setUpLlm } from '../helpers/llm.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { storedSummary } from './fixtures.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;
let stateDir: string;
beforeEach(async () => {
  fake = await startOpenAIFake();
  stateDir = tempDir();
});
afterEach(() => fake.close());

const DIMS = 16;
/** 40 summarized papers on 8 random-ish directions; 2605.00001 has two planted near-twins. */
function matrix(ids: string[]): VectorMatrix {
  const data = new Float32Array(ids.length * DIMS);
  ids.forEach((_, r) => {
    for (let j = 0; j < DIMS; j++) data[r * DIMS + j] = Math.sin(r * 12.9898 + j * 78.233) * 0.5;
  });
  const twin = (row: number, of: number, noise: number) => {
    for (let j = 0; j < DIMS; j++)
      data[row * DIMS + j] = (data[of * DIMS + j] ?? 0) + noise * Math.cos(j + row);
  };
  twin(1, 0, 0.01);
  twin(2, 0, 0.03);
  return { ids, dims: DIMS, data };
}

const ids = Array.from({ length: 40 }, (_, i) => `2605.${String(i + 1).padStart(5, '0')}`);

async function setUp(options: { withKey?: boolean } = {}): Promise<RelatedDeps> {
  await createPapersStore(stateDir).upsert(ids.map((id) => makePaper(id, { title: `Title ${id}` })));
  await createSummariesStore(stateDir).upsert(ids.map((id) => storedSummary(id)));
  const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir });
  const llm = options.withKey === false ? { ...client, available: () => false } : client;
  return {
    summaries: createSummariesStore(stateDir),
    papers: createPapersStore(stateDir),
    links: createLinksStore(stateDir),
    llm,
    prompt: await loadPrompt('related'),
    loadVectors: async () => matrix(ids),
    logger: silentLogger(),
    clock: { now: () => new Date('2026-05-07T12:00:00Z') },
  };
}

function answer(request: { messages: Array<{ role: string; content?: unknown }> }) {
  const content = request.messages.findLast((m) => m.role === 'user')?.content;
  const lines = (typeof content === 'string' ? content : '').split('\n').filter((l) => /^\d+\. \[/.test(l));
  return {
    json: {
      relations: lines.map((line, index) => ({
        index,
        relation: /2605\.0000[23]\]/.test(line) ? 'extends' : 'none',
        reason: `reason for ${index}`,
      })),
    },
  };
}

describe('related papers', () => {
  it('links a paper to its planted neighbours with one LLM call per new paper', async () => {
    const deps = await setUp();
    fake.onChat(answer);
    const fresh = ['2605.00001', '2605.00020', '2605.00030'];
    const result = await relatePapers(deps, fresh, { k: 10, classify: 4 });
    expect(fake.chatRequests()).toHaveLength(fresh.length);
    expect(result).toMatchObject({ papers: 3, llmCalls: 3, failed: [] });
    const links = await createLinksStore(stateDir).readAll();
    const fromFirst = links.filter((l) => l.from === '2605.00001');
    expect(fromFirst).toHaveLength(4);
    expect(fromFirst.filter((l) => l.relation === 'extends').map((l) => l.to)).toEqual([
      '2605.00002',
      '2605.00003',
    ]);
    expect(fromFirst.find((l) => l.to === '2605.00002')?.similarity).toBeGreaterThan(0.99);
    // The three calls run at once: find the one about 2605.00001 by its prompt.
    const prompts = fake.chatRequests().map((r) => String(r.messages.at(-1)?.content));
    const firstPrompt = prompts.find((p) => p.includes('Paper 2605.00001:'));
    expect(firstPrompt).toContain('Title 2605.00002');
    expect(links.map((l) => `${l.from} ${l.to}`)).toEqual([...links.map((l) => `${l.from} ${l.to}`)].sort());
    expect(isClean(await checkState(stateDir))).toBe(true);
  });

  it('keeps one row per pair on a re-run', async () => {
    const deps = await setUp();
    fake.onChat(answer);
    await relatePapers(deps, ['2605.00001']);
    await relatePapers(deps, ['2605.00001']);
    expect(await createLinksStore(stateDir).readAll()).toHaveLength(4);
  });

  it('stores nothing without an LLM', async () => {
    const deps = await setUp({ withKey: false });
    const result = await relatePapers(deps, ['2605.00001']);
    expect(result.skippedReason).toBe('no LLM configured');
    expect(fake.chatRequests()).toHaveLength(0);
    expect(await createLinksStore(stateDir).readAll()).toEqual([]);
  });
});
