/**
 * The settings file's schema: every key has a default, so an empty file (or none) is a valid
 * config that runs offline. Secrets never live here, only the names of the environment
 * variables that hold them.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import { DEFAULT_METRICS, MetricDefinition } from '../evals/search/metrics-registry.ts';
import { SearchVersionsConfig } from '../search/search-version.ts';

const url = z.url({ protocol: /^https?$/ });
const cron = z
  .string()
  .regex(/^(\S+\s+){4,5}\S+$/, 'must be a cron rule such as "0 8 * * *"')
  .superRefine((pattern, ctx) => {
    // croner parses each field's range (hour 0-23, day 1-31, …): "0 25 * * *" is refused here.
    try {
      new Cron(pattern, { paused: true });
    } catch (error) {
      ctx.addIssue({
        code: 'custom',
        message: `not a valid cron rule: ${error instanceof Error ? error.message : String(error)}`,
      });
    }
  })
  .describe('cron rule (minute hour day month weekday)');
const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name');
const arxivCategory = z.string().regex(/^[a-z-]+(\.[A-Za-z-]+)?$/, 'must be an arXiv category such as cs.CL');

export const ArxivConfig = z.strictObject({
  categories: z
    .array(arxivCategory)
    .min(1)
    .default(['cs.AI', 'cs.CL', 'cs.CV', 'cs.IR', 'cs.LG'])
    .describe('arXiv categories collected'),
  apiUrl: url
    .default('https://export.arxiv.org/api/query')
    .describe('query endpoint (env RADAR_ARXIV_API_URL)'),
  oaiUrl: url.default('https://oaipmh.arxiv.org/oai').describe('OAI-PMH endpoint (env RADAR_ARXIV_OAI_URL)'),
  siteUrl: url.default('https://arxiv.org').describe('abs, html, pdf and e-print (env RADAR_ARXIV_SITE_URL)'),
  requestIntervalSeconds: z.number().min(0).default(3).describe('at least this long between two requests'),
  pageSize: z.int().min(1).max(2000).default(200).describe('entries per API page'),
  firstRunDays: z.int().min(1).default(3).describe('window of the first collect'),
});

export const ScheduleConfig = z.strictObject({
  timezone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'must be an IANA time zone such as Europe/Berlin')
    .default('UTC')
    .describe('time zone of the schedule and of "today"'),
  dailyPipeline: cron.default('0 8 * * *'),
  feedbackPoll: cron.default('*/10 * * * *'),
  benchmarks: cron.default('30 8 * * *'),
  leaderboards: cron.default('0 */6 * * *'),
  weeklyTrends: cron.default('0 9 * * 1'),
  sync: cron.default('0 3 */3 * *').describe('backup of the state to the Hugging Face dataset (sync.repo)'),
});

export const EmbeddingModelConfig = z.discriminatedUnion('backend', [
  z.strictObject({
    backend: z.literal('hashing'),
    dims: z.int().min(16).max(4096).default(384),
  }),
  z.strictObject({
    backend: z.literal('transformers'),
    model: z.string().min(1).describe('path under models/'),
    dims: z.int().min(1),
    maxInputTokens: z.int().min(8).default(512),
    allowRemoteModels: z.boolean().default(false),
    pooling: z.enum(['mean', 'cls']).default('mean').describe('how token vectors become one vector'),
    batchSize: z.int().min(1).max(1024).default(16),
  }),
  z.strictObject({
    backend: z.literal('openai'),
    model: z.string().min(1),
    dims: z.int().min(1),
    baseUrl: url.optional().describe('default: the default LLM provider base URL'),
    apiKeyEnv: envName.default('OPENAI_API_KEY'),
    batchSize: z.int().min(1).max(2048).default(128),
    maxInputTokens: z.int().min(8).default(8192),
    encodingFormat: z
      .enum(['base64', 'float'])
      .default('base64')
      .describe('asked of the server; either answer is decoded (some servers send floats anyway)'),
    sendDimensions: z
      .boolean()
      .default(false)
      .describe('send `dimensions` (text-embedding-3 models can shorten)'),
    maxRetries: z.int().min(0).max(10).default(4),
    timeoutSeconds: z.number().min(1).default(60),
  }),
]);

export const EmbeddingConfig = z.strictObject({
  active: z
    .array(z.string().min(1))
    .min(1)
    .default(['hashing-384'])
    .describe('models that embed and rank; the first leads the digest'),
  models: z
    .record(
      z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'model names are lowercase, digits, . _ -'),
      EmbeddingModelConfig,
    )
    .default({ 'hashing-384': { backend: 'hashing', dims: 384 } }),
});

export const LlmModelConfig = z.strictObject({
  structuredOutput: z.boolean().default(false).describe('supports json_schema response formats'),
  jsonMode: z.boolean().default(false).describe('supports response_format json_object'),
  inputPricePerMillion: z.number().min(0).default(0).describe('USD per 1M input tokens'),
  outputPricePerMillion: z.number().min(0).default(0).describe('USD per 1M output tokens'),
  contextTokens: z.int().min(1024).default(128_000).describe('context window'),
  maxOutputTokens: z.int().min(64).default(4096).describe('max_tokens of a call'),
});

export const LlmProviderConfig = z.strictObject({
  baseUrl: url.describe('OpenAI-compatible base URL, e.g. https://api.openai.com/v1'),
  apiKeyEnv: envName.describe('environment variable holding the API key'),
  concurrency: z.int().min(1).max(100).default(10).describe('calls in flight at once'),
  timeoutSeconds: z.number().min(1).default(120).describe('per request'),
  maxRetries: z
    .int()
    .min(0)
    .max(10)
    .default(4)
    .describe('retries on 429 (Retry-After honoured), 5xx and timeouts'),
  models: z.record(z.string().min(1), LlmModelConfig).default({}),
});

export const LlmConfig = z.strictObject({
  providers: z.record(z.string().regex(/^[a-z0-9_-]+$/), LlmProviderConfig).default({
    default: {
      baseUrl: 'https://api.openai.com/v1',
      apiKeyEnv: 'OPENAI_API_KEY',
      concurrency: 10,
      timeoutSeconds: 120,
      maxRetries: 4,
      models: {
        'gpt-4o-mini': {
          structuredOutput: true,
          jsonMode: true,
          inputPricePerMillion: 0.15,
          outputPricePerMillion: 0.6,
          contextTokens: 128_000,
          maxOutputTokens: 4096,
        },
      },
    },
  }),
  /** `provider/model` per purpose; default: the default provider's first model (or RADAR_LLM_MODEL). */
  tasks: z.record(z.string(), z.string().regex(/^[a-z0-9_-]+\/.+$/, 'must be provider/model')).default({}),
});

export const BudgetConfig = z.strictObject({
  dailyUsd: z.number().min(0).default(2).describe('no new LLM call starts once today’s spend reaches this'),
});

export const RankingConfig = z.strictObject({
  seedInterests: z
    .array(z.string().min(3))
    .default([
      'efficient inference and serving of large language models',
      'retrieval-augmented generation and information retrieval',
      'evaluation and benchmarks for language models',
    ]),
  models: z
    .array(z.string().min(1))
    .min(1)
    .default(['tfidf'])
    .describe('ranking models: tfidf (the built-in lexical model) and/or embedding model names'),
  picksPerDay: z.int().min(1).max(200).default(10).describe('papers in the daily digest'),
  exploreShare: z
    .number()
    .min(0)
    .max(1)
    .default(0)
    .describe(
      'share of picks drawn from uncertain papers (0: measured to cost precision, bench/ranking-explore.ts)',
    ),
  pseudoNegativeRatio: z
    .number()
    .min(0)
    .default(5)
    .describe('unlabeled papers sampled as negatives, per positive'),
  pseudoNegativeWeight: z.number().min(0).max(1).default(0.2).describe('their sample weight'),
  l2: z.number().min(0).default(1).describe('L2 regularization of the classifier'),
  minLabelsPerClass: z
    .int()
    .min(1)
    .default(5)
    .describe('below this many 👍 or 👎: cold start from seedInterests'),
  dedupThreshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.95)
    .describe('cosine similarity above which two papers are duplicates'),
  seed: z.int().default(42).describe('seed of the pick sampling'),
});

export const TagsConfig = z
  .strictObject({
    mergeThreshold: z
      .number()
      .min(0)
      .max(1)
      .default(0.9)
      .describe('embedding cosine similarity at or above which a new tag joins the nearest existing tag'),
    ambiguousLow: z
      .number()
      .min(0)
      .max(1)
      .default(0.8)
      .describe('from this similarity up to mergeThreshold, an LLM decides (batched)'),
  })
  .refine((t) => t.ambiguousLow <= t.mergeThreshold, 'tags.ambiguousLow must not exceed tags.mergeThreshold');

export const NotionConfig = z.strictObject({
  baseUrl: url.default('https://api.notion.com').describe('env NOTION_BASE_URL'),
  parentPageId: z.string().optional(),
  papersDatabaseId: z.string().optional(),
  benchmarksDatabaseId: z.string().optional(),
  rankingsDatabaseId: z.string().optional(),
  requestsPerSecond: z.number().min(0.1).max(10).default(3),
});

const allowlist = z.array(z.union([z.string(), z.number()]).transform(String)).default([]);

export const ChatConfig = z.strictObject({
  telegram: z
    .strictObject({
      apiRoot: url.default('https://api.telegram.org').describe('env TELEGRAM_API_ROOT'),
      chatIds: allowlist.describe('chats that receive the digest and may talk to the bot'),
      userIds: allowlist.describe('users who may use commands and label'),
      mode: z.enum(['polling', 'webhook']).default('polling'),
      webhookUrl: url.optional(),
      webhookPort: z.int().min(1).max(65535).default(8443),
      webhookHost: z
        .string()
        .min(1)
        .default('127.0.0.1')
        .describe('address the webhook server listens on (0.0.0.0: every interface)'),
      webhookPath: z
        .string()
        .regex(/^\/\S*$/, 'a path starting with /')
        .default('/telegram')
        .describe('the only path the webhook server accepts'),
      parseMode: z.enum(['HTML', 'MarkdownV2']).default('HTML'),
    })
    .prefault({}),
  slack: z
    .strictObject({
      apiUrl: url.default('https://slack.com/api/').describe('env SLACK_API_URL'),
      channelIds: allowlist,
      userIds: allowlist,
      mode: z.enum(['socket', 'http']).default('socket'),
      httpPort: z.int().min(1).max(65535).default(3000),
    })
    .prefault({}),
  feishu: z
    .strictObject({
      domain: url.default('https://open.feishu.cn').describe('env FEISHU_DOMAIN'),
      chatIds: allowlist,
      userIds: allowlist,
    })
    .prefault({}),
  reactions: z
    .strictObject({
      positive: z.array(z.string()).default(['👍', '❤️', '🔥', '🎉', '💯']),
      negative: z.array(z.string()).default(['👎', '💔', '🥱']),
    })
    .prefault({}),
});

export const AlertConfig = z.strictObject({
  windowMinutes: z.number().min(0).default(5).describe('at most one alert of a kind per window'),
  sourceFailuresBeforeAlert: z.int().min(1).default(3),
  minLlmSuccessRate: z.number().min(0).max(1).default(0.5),
});

export const SourcesConfig = z.strictObject({
  huggingface: z
    .strictObject({
      endpoint: url.default('https://huggingface.co').describe('env HF_ENDPOINT'),
      minDownloads: z.int().min(0).default(50),
      keywords: z
        .array(z.string())
        .default(['bench', 'eval', 'leaderboard'])
        .describe('searched in dataset ids (substring: "bench" also finds …Bench and benchmark)'),
      tags: z
        .array(z.string())
        .default(['benchmark', 'evaluation', 'leaderboard'])
        .describe('also list datasets carrying these tags'),
      taskCategories: z
        .array(z.string())
        .default([])
        .describe('also list datasets with these task_categories tags'),
    })
    .prefault({}),
  github: z
    .strictObject({
      apiUrl: url.default('https://api.github.com').describe('env GITHUB_API_URL'),
      minStars: z.int().min(0).default(50),
      keywords: z.array(z.string()).default(['benchmark', 'leaderboard', 'evaluation']),
      topics: z.array(z.string()).default(['benchmark', 'leaderboard', 'llm-evaluation']),
    })
    .prefault({}),
  leaderboards: z
    .record(
      z.string(),
      z
        .strictObject({
          url,
          enabled: z.boolean().default(true),
          apiKeyEnv: z
            .string()
            .regex(/^[A-Z_][A-Z0-9_]*$/)
            .optional()
            .describe(
              "the environment variable holding the board's API key (Artificial Analysis: x-api-key)",
            ),
        })
        .describe(
          'env RADAR_LEADERBOARD_<NAME>_URL. LiveBench: the site (the release is read from its app) or a table_<date>.csv; BigCodeBench: results.json, results-hard.json is read beside it; LMArena: a datasets-server /rows URL, paged by offset',
        ),
    )
    .default({
      swebench: {
        url: 'https://raw.githubusercontent.com/SWE-bench/swe-bench.github.io/master/data/leaderboards.json',
        enabled: true,
      },
      evalplus: { url: 'https://evalplus.github.io/results.json', enabled: true },
      livebench: { url: 'https://livebench.ai/', enabled: true },
      livecodebench: { url: 'https://livecodebench.github.io/performances_generation.json', enabled: true },
      bigcodebench: { url: 'https://bigcode-bench.github.io/results.json', enabled: true },
      lmarena: {
        url: 'https://datasets-server.huggingface.co/rows?dataset=lmarena-ai%2Fleaderboard-dataset&config=text&split=latest&offset=0&length=100',
        enabled: true,
      },
      openrouter: { url: 'https://openrouter.ai/api/v1/models', enabled: true },
      artificialanalysis: {
        url: 'https://artificialanalysis.ai/api/v2/data/llms/models',
        enabled: true,
        apiKeyEnv: 'ARTIFICIAL_ANALYSIS_API_KEY',
      },
    }),
});

export const BenchmarksConfig = z.strictObject({
  lookbackDays: z
    .int()
    .min(1)
    .default(30)
    .describe('collect datasets and repositories created or pushed this recently'),
  maxPagesPerQuery: z.int().min(1).max(10).default(3),
  scoreTtlDays: z.number().min(0).default(7).describe('an unchanged candidate is re-scored after this long'),
  mergeThreshold: z
    .number()
    .min(0)
    .max(1)
    .default(0.15)
    .describe('hashing cosine under which two described candidates that share only a name stay apart'),
  digestMinScore: z
    .number()
    .min(0)
    .max(10)
    .default(7)
    .describe('new benchmarks at or above this overall score go to the digest'),
  maxRateLimitWaitSeconds: z
    .number()
    .min(0)
    .default(90)
    .describe('wait for a GitHub rate-limit reset at most this long'),
});

export const EvalsConfig = z.strictObject({
  search: z
    .strictObject({
      metrics: z
        .array(MetricDefinition)
        .min(1)
        .default(() => DEFAULT_METRICS.map((m) => ({ ...m })))
        .describe('the search benchmark overall score = 100 · Σ weight · metric over the active metrics'),
      speedMaxMs: z
        .number()
        .positive()
        .default(1000)
        .describe('latency that scores 0 on speed: speed = max(0, (max − t) / max)'),
    })
    .prefault({}),
});

const SyncConfig = z.strictObject({
  repo: z
    .string()
    .regex(/^[\w.-]+\/[\w.-]+$/, 'must be a dataset repository id such as user/radar-state')
    .optional()
    .describe('Hugging Face dataset the state is backed up to (token HF_TOKEN, endpoint HF_ENDPOINT)'),
  branch: z.string().min(1).default('main').describe('branch of the dataset repository'),
});

export const SearchConfig = z.strictObject({
  versions: SearchVersionsConfig.default({}).describe(
    'named search versions for `radar search --algo <name>`: {name: {algorithm, parameters}} (a built-in name is overridden)',
  ),
});

export const RadarConfig = z.strictObject({
  arxiv: ArxivConfig.prefault({}),
  schedule: ScheduleConfig.prefault({}),
  embedding: EmbeddingConfig.prefault({}),
  llm: LlmConfig.prefault({}),
  budgets: BudgetConfig.prefault({}),
  ranking: RankingConfig.prefault({}),
  tags: TagsConfig.prefault({}),
  notion: NotionConfig.prefault({}),
  chat: ChatConfig.prefault({}),
  alerts: AlertConfig.prefault({}),
  sources: SourcesConfig.prefault({}),
  benchmarks: BenchmarksConfig.prefault({}),
  evals: EvalsConfig.prefault({}),
  sync: SyncConfig.prefault({}),
  search: SearchConfig.prefault({}),
});

export type RadarConfig = z.infer<typeof RadarConfig>;
export type EmbeddingModelConfig = z.infer<typeof EmbeddingModelConfig>;
export type LlmProviderConfig = z.infer<typeof LlmProviderConfig>;
export type LlmModelConfig = z.infer<typeof LlmModelConfig>;
