/**
 * The four fakes a daily run talks to (arXiv, OpenAI, Notion, Telegram), a config file and the
 * environment that point `radar` at them: shared by the end-to-end and crash tests of the pipeline.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSummaryRequest, summaryReply } from '../digest/setup.ts';
import { type ArxivFake, type FakePaper, loadSharedPapers, startArxivFake } from '../fakes/arxiv-fake.ts';
import { type NotionFake, type RateLimitOptions, startNotionFake } from '../fakes/notion-fake.ts';
import { type ChatRequest, type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
import { telegramPeople } from '../fakes/telegram/updates.ts';
import { startTelegramFake, type TelegramFake } from '../fakes/telegram-fake.ts';

export const TELEGRAM_TOKEN = '2084591315:AAE_fake-token-for-tests-0123456789';
export const LLM_MODEL = 'gpt-4o-mini';

export interface PipelineFakes {
  arxiv: ArxivFake;
  openai: OpenAIFake;
  notion: NotionFake;
  telegram: TelegramFake;
  close(): Promise<void>;
}

export interface PipelineFakesOptions {
  /** Notion's rate limit, enforced with 429 + Retry-After (none by default). */
  notionRateLimit?: RateLimitOptions;
  /** Each LLM answer takes this long (ms); default at once. */
  llmLatencyMs?: () => number;
}

export async function startPipelineFakes(options: PipelineFakesOptions = {}): Promise<PipelineFakes> {
  const arxiv = await startArxivFake({ links: 'self' });
  const openai = await startOpenAIFake();
  const notion = await startNotionFake(options.notionRateLimit ? { rateLimit: options.notionRateLimit } : {});
  const telegram = await startTelegramFake({ token: TELEGRAM_TOKEN, maxHoldMs: 200 });
  openai.onChat((request: ChatRequest) => {
    const reply = isSummaryRequest(request)
      ? summaryReply(request, ['language models', 'evaluation', 'benchmarks'])
      : {};
    return options.llmLatencyMs ? { ...reply, latencyMs: options.llmLatencyMs() } : reply;
  });
  return {
    arxiv,
    openai,
    notion,
    telegram,
    async close() {
      await Promise.all([arxiv.close(), openai.close(), notion.close(), telegram.close()]);
    },
  };
}

/**
 * `count` real papers of the fixture sample, re-dated to the last hours (the app runs on the real
 * clock, so its collect window is the last days), each with generated full text.
 */
export function recentPapers(fakes: PipelineFakes, count: number, offset = 0): FakePaper[] {
  const now = Date.now();
  const papers = loadSharedPapers(offset + count)
    .slice(offset)
    .map((paper, i) => {
      const at = new Date(now - (i + 1) * 60_000 * 37).toISOString().replace(/\.\d+Z$/, 'Z');
      return { ...paper, published: at, updated: at };
    });
  fakes.arxiv.addPapers(papers);
  for (const paper of papers) fakes.arxiv.generateFullText(paper.id);
  return papers;
}

export interface PipelineSetup {
  cwd: string;
  env: Record<string, string>;
}

export interface SetupOptions {
  picksPerDay?: number;
  pageSize?: number;
  categories?: readonly string[];
  exploreShare?: number;
  notionRequestsPerSecond?: number;
  /** The `embedding` section; default one 64-dimension hashing model. */
  embedding?: { active: string[]; models: Record<string, unknown> };
  /** `ranking.models`; default the active embedding models (the dense classifier). */
  rankingModels?: string[];
}

/** Writes `radar.config.json` in `cwd` and returns the environment that points at the fakes. */
export function pipelineSetup(fakes: PipelineFakes, cwd: string, options: SetupOptions = {}): PipelineSetup {
  const config = {
    arxiv: {
      categories: options.categories ?? ['cs.AI', 'cs.CL', 'cs.CV', 'cs.IT'],
      requestIntervalSeconds: 0,
      pageSize: options.pageSize ?? 100,
      firstRunDays: 3,
    },
    embedding: options.embedding ?? {
      active: ['hashing-64'],
      models: { 'hashing-64': { backend: 'hashing', dims: 64 } },
    },
    llm: {
      providers: {
        default: {
          baseUrl: `${fakes.openai.url}/v1`,
          apiKeyEnv: 'OPENAI_API_KEY',
          timeoutSeconds: 30,
          concurrency: 10,
          maxRetries: 1,
          models: {
            [LLM_MODEL]: {
              structuredOutput: true,
              jsonMode: true,
              inputPricePerMillion: 0.15,
              outputPricePerMillion: 0.6,
            },
          },
        },
      },
    },
    ranking: {
      // These runs exercise the dense classifier that the feedback poll retrains.
      models: options.rankingModels ?? (options.embedding ?? { active: ['hashing-64'] }).active,
      picksPerDay: options.picksPerDay ?? 4,
      minLabelsPerClass: 1,
      exploreShare: options.exploreShare ?? 0,
    },
    notion: { requestsPerSecond: options.notionRequestsPerSecond ?? 10 },
    chat: {
      telegram: { chatIds: [telegramPeople.privateChat.id], userIds: [telegramPeople.user.id] },
    },
  };
  writeFileSync(join(cwd, 'radar.config.json'), JSON.stringify(config, null, 2));
  return {
    cwd,
    env: {
      RADAR_CONFIG: join(cwd, 'radar.config.json'),
      RADAR_STATE_DIR: join(cwd, 'state'),
      RADAR_ARXIV_API_URL: `${fakes.arxiv.url}/api/query`,
      RADAR_ARXIV_SITE_URL: fakes.arxiv.url,
      OPENAI_BASE_URL: `${fakes.openai.url}/v1`,
      OPENAI_API_KEY: 'sk-test-key',
      RADAR_LLM_MODEL: LLM_MODEL,
      NOTION_TOKEN: 'secret_test',
      NOTION_BASE_URL: fakes.notion.url,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: fakes.telegram.url,
    },
  };
}

/** arXiv id → how many digest messages named it (a paper message carries its id in code). */
export function messagesPerPaper(fakes: PipelineFakes, ids: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const message of fakes.telegram.sentMessages()) {
    for (const id of ids) if (message.plain_text.includes(id)) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

/** arXiv id → how many live (not trashed) Notion pages carry it. */
export function pagesPerPaper(fakes: PipelineFakes): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const page of fakes.notion.pages()) {
    const id = page.text['arXiv ID'];
    if (!page.inTrash && id) counts[id] = (counts[id] ?? 0) + 1;
  }
  return counts;
}

export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}
