/**
 * Shared setup of the Telegram integration tests: a state dir with papers and picks, the fake, the
 * runner. On files: these tests read back labels.csv and the poller record as a user would.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTelegramAdapter, type TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.ts';
import { type BotRunner, createBotRunner } from '../../src/chat/bot-runner.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { Paper } from '../../src/store/schemas.ts';
import { createFileStores, type Stores } from '../../src/store/stores.ts';
import { papersFromJsonl, SAMPLE_PAPERS_FILE } from '../fakes/arxiv/papers.ts';
import { telegramPeople } from '../fakes/telegram/updates.ts';
import { startTelegramFake, type TelegramFake } from '../fakes/telegram-fake.ts';

export const TOKEN = '2084591315:AAE_fake-token-for-tests-0123456789';
export const CHAT = telegramPeople.privateChat.id;
export const USER = telegramPeople.user.id;
export const TODAY = '2026-11-21';

export function samplePapers(n: number): Paper[] {
  return papersFromJsonl(readFileSync(SAMPLE_PAPERS_FILE, 'utf8'))
    .slice(0, n)
    .map((p) => ({
      id: p.id,
      version: p.version,
      title: p.title,
      abstract: p.abstract,
      authors: p.authors,
      categories: p.categories,
      primaryCategory: p.primaryCategory,
      published: p.published,
      updated: p.updated,
      absUrl: `https://arxiv.org/abs/${p.id}`,
      pdfUrl: `https://arxiv.org/pdf/${p.id}`,
    }));
}

export const TLDR = 'A 50-example subset ranks audio models like the full benchmark.';

async function seedSummaryRunAndLedger(stores: Stores, paperId: string): Promise<void> {
  await stores.summaries.upsert([
    {
      id: paperId,
      one_sentence_summary: TLDR,
      problem_background: '',
      method: '',
      experiment: '',
      key_contributions: [],
      datasets_and_benchmarks: [],
      limitations: [],
      further_thoughts: '',
      institutions: [],
      code_and_data_links: ['https://github.com/example/humans-first'],
      tags: ['audio-models', 'evaluation', 'benchmark-subsets'],
      slug: 'humans-first',
      model: 'default/gpt-4o-mini',
      promptHash: 'abc',
      source: 'llm',
      textRoute: 'latex',
      at: `${TODAY}T07:00:00Z`,
    },
  ]);
  await stores.runs.write({
    runId: '20261121T070000Z-run-abcd',
    kind: 'pipeline',
    status: 'failed',
    options: {},
    startedAt: `${TODAY}T07:00:00Z`,
    steps: [{ name: 'collect', status: 'failed', counts: {}, errors: ['HTTP 503'] }],
    costUsd: 0,
    outputs: {},
  });
  await stores.ledger.append([
    {
      at: `${TODAY}T07:30:00Z`,
      provider: 'default',
      model: 'gpt-4o-mini',
      purpose: 'summary',
      inputTokens: 1000,
      outputTokens: 200,
      costUsd: 0.0123,
      latencyMs: 900,
      ok: true,
    },
  ]);
}

export interface Harness {
  fake: TelegramFake;
  stateDir: string;
  /** The file stores over `stateDir` the runner uses. */
  stores: Stores;
  papers: Paper[];
  adapter: TelegramAdapter;
  runner: BotRunner;
  sleeps: number[];
  clock: { now: () => Date; advance(ms: number): void };
  close(): Promise<void>;
}

export async function startHarness(
  options: { mode?: 'polling' | 'webhook'; secret?: string } = {},
): Promise<Harness> {
  const stateDir = await mkdtemp(join(tmpdir(), 'radar-chat-'));
  const stores = createFileStores(stateDir);
  const papers = samplePapers(8);
  await stores.papers.upsert(papers);
  await stores.picks.append(
    papers.slice(0, 3).map((p, i) => ({
      date: TODAY,
      id: p.id,
      model: 'hashing-384',
      score: 0.9 - i / 10,
      reason: i === 2 ? 'explore' : 'top',
    })),
  );
  await seedSummaryRunAndLedger(stores, papers[0]?.id ?? '');
  const fake = await startTelegramFake({ token: TOKEN, maxHoldMs: 100 });
  const config = RadarConfig.parse({
    chat: { telegram: { apiRoot: fake.url, chatIds: [CHAT], userIds: [USER] } },
    ranking: { minLabelsPerClass: 5 },
  });
  let now = Date.parse(`${TODAY}T09:00:00Z`);
  const clock = {
    now: () => new Date(now),
    advance: (ms: number): void => {
      now += ms;
    },
  };
  const sleeps: number[] = [];
  const adapter = createTelegramAdapter({
    token: TOKEN,
    apiRoot: fake.url,
    parseMode: 'HTML',
    mode: options.mode ?? 'polling',
    ...(options.secret ? { webhook: { port: 0, host: '127.0.0.1', secret: options.secret } } : {}),
    logger: silentLogger(),
    clock,
    retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5, sleep: async (ms) => void sleeps.push(ms) },
    pollingRestart: { baseDelayMs: 1, maxDelayMs: 5 },
  });
  const runner = createBotRunner({
    config,
    stores,
    stateDir,
    adapters: [adapter],
    labels: stores.labels,
    clock,
    logger: silentLogger(),
    secrets: [TOKEN],
  });
  await runner.start();
  return {
    fake,
    stateDir,
    stores,
    papers,
    adapter,
    runner,
    sleeps,
    clock,
    async close() {
      await runner.stop();
      await fake.close();
      await rm(stateDir, { recursive: true, force: true });
    },
  };
}
