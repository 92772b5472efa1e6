/**
 * The command router over the memory stores: what /rank, /like, /profile and /status answer
 * from the state, with no chat service and no state directory.
 */
import { describe, expect, it } from 'vitest';
import { RadarConfig } from '../config/schema.ts';
import { createMemoryStores } from '../store/memory/memory-stores.ts';
import type { Paper } from '../store/schemas.ts';
import type { Stores } from '../store/stores.ts';
import { createCommandRouter } from './commands.ts';
import type { LabelRecorder } from './label-events.ts';
import { plainText } from './message-format.ts';

const NOW = new Date('2026-11-21T09:00:00Z');

function paper(id: string, title: string): Paper {
  return {
    id,
    version: 1,
    title,
    abstract: `About ${title}.`,
    authors: ['A. Author'],
    categories: ['cs.CL'],
    primaryCategory: 'cs.CL',
    published: '2026-11-20T00:00:00Z',
    updated: '2026-11-20T00:00:00Z',
    absUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
  };
}

function setUp(stores: Stores = createMemoryStores()) {
  const direct: Parameters<LabelRecorder['direct']>[0][] = [];
  const router = createCommandRouter(
    {
      stores,
      // Only /search and /status read files (index, lock, poller records); none exist here.
      stateDir: '/nonexistent/radar-state',
      config: RadarConfig.parse({ schedule: { timezone: 'UTC' }, budgets: { dailyUsd: 2 } }),
      clock: { now: () => NOW },
      labels: {
        direct: async (input) => {
          direct.push(input);
          return { kind: 'labelled', paperId: input.paperId, value: input.value };
        },
      },
      resendDigest: async () => 0,
    },
    { error: () => undefined },
  );
  const ask = async (command: string, args = '') =>
    plainText(
      await router.handle(command, {
        platform: 'slack',
        chatId: 'C1',
        userId: 'U1',
        args,
        at: NOW.toISOString(),
      }),
    );
  return { stores, ask, direct };
}

describe('chat commands on the memory stores', () => {
  it('/rank lists the latest picks, best first, with their titles', async () => {
    const { stores, ask } = setUp();
    expect(await ask('rank')).toMatch(/^No picks yet/);
    await stores.papers.upsert([paper('2511.00001', 'Speculative decoding'), paper('2511.00002', 'Graphs')]);
    await stores.picks.append([
      { date: '2026-11-20', id: '2511.00001', model: 'm', score: 0.5, reason: 'top' },
      { date: '2026-11-21', id: '2511.00001', model: 'm', score: 0.4, reason: 'top' },
      { date: '2026-11-21', id: '2511.00002', model: 'm', score: 0.8, reason: 'explore' },
    ]);
    const lines = (await ask('rank')).split('\n\n');
    expect(lines[0]).toBe('Picks of 2026-11-21');
    expect(lines[1]).toMatch(/^1\. 0\.80 \(explore\) Graphs/);
    expect(lines[2]).toMatch(/^2\. 0\.40 Speculative decoding/);
    expect(lines).toHaveLength(3);
  });

  it('/like labels a known paper and refuses an unknown one', async () => {
    const { stores, ask, direct } = setUp();
    await stores.papers.upsert([paper('2511.00001', 'Speculative decoding')]);
    expect(await ask('like', '2511.99999')).toMatch(/^No paper 2511\.99999/);
    expect(await ask('like', '2511.00001')).toBe('Labelled 2511.00001 👍.');
    expect(direct.map((d) => [d.paperId, d.value])).toEqual([['2511.00001', 1]]);
  });

  it('/profile without a saved profile counts the labels', async () => {
    const { stores, ask } = setUp();
    await stores.labels.apply([
      {
        kind: 'set',
        label: { id: '2511.00001', label: 1, source: 'slack', user: 'U1', at: NOW.toISOString() },
      },
      {
        kind: 'set',
        label: { id: '2511.00002', label: -1, source: 'slack', user: 'U1', at: NOW.toISOString() },
      },
      {
        kind: 'set',
        label: { id: '2511.00003', label: 1, source: 'slack', user: 'U1', at: NOW.toISOString() },
      },
    ]);
    expect(await ask('profile')).toContain('You have 2 liked and 1 disliked papers.');
  });

  it("/status tells the last runs and today's spend", async () => {
    const { stores, ask } = setUp();
    await stores.runs.write({
      runId: '20261121T070000Z-run-abcd',
      kind: 'pipeline',
      status: 'failed',
      options: {},
      startedAt: '2026-11-21T07:00:00Z',
      steps: [{ name: 'collect', status: 'failed', counts: {}, errors: ['HTTP 503'] }],
      costUsd: 0,
      outputs: {},
    });
    const call = {
      provider: 'default',
      model: 'gpt-4o-mini',
      purpose: 'summary',
      inputTokens: 1000,
      outputTokens: 200,
      latencyMs: 900,
    };
    await stores.ledger.append([
      { ...call, at: '2026-11-21T07:30:00Z', costUsd: 0.25, ok: true },
      { ...call, at: '2026-11-21T07:31:00Z', costUsd: 0, ok: false },
      { ...call, at: '2026-11-20T23:00:00Z', costUsd: 1, ok: true },
    ]);
    const text = await ask('status');
    expect(text).toContain('Last runs (1 failed or partial of the last 1):');
    expect(text).toContain('• 2026-11-21 07:00 pipeline: failed, failed steps: collect');
    expect(text).toContain('LLM today: $0.2500 of $2.00 budget, 2 calls, 1 failed.');
  });
});
