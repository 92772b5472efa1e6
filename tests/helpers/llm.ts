/** An LLM client wired to the OpenAI fake with a temp state directory, for integration tests. */
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import type { Clock } from '../../src/core/clock.ts';
import { createLedger, type Ledger } from '../../src/llm/ledger.ts';
import { createLlmClient, type LlmClient } from '../../src/llm/llm-client.ts';
import { type Logger, silentLogger } from '../../src/log/logger.ts';
import { createLedgerStore, type LedgerStore } from '../../src/store/ledger-store.ts';

export interface LlmTestSetup {
  client: LlmClient;
  ledger: Ledger;
  store: LedgerStore;
  config: RadarConfig;
  alerts: Array<{ kind: string; message: string }>;
}

export interface LlmTestOptions {
  baseUrl: string;
  stateDir: string;
  concurrency?: number;
  timeoutSeconds?: number;
  maxRetries?: number;
  dailyUsd?: number;
  clock?: Clock;
  logger?: Logger;
}

/** Three models on one provider: `summary` → json_schema, `tags` → JSON mode, `notes` → plain text. */
export function testLlmConfig(options: Omit<LlmTestOptions, 'stateDir' | 'clock'>): RadarConfig {
  return RadarConfig.parse({
    llm: {
      providers: {
        default: {
          baseUrl: options.baseUrl,
          apiKeyEnv: 'TEST_LLM_KEY',
          concurrency: options.concurrency ?? 10,
          timeoutSeconds: options.timeoutSeconds ?? 5,
          maxRetries: options.maxRetries ?? 2,
          models: {
            'gpt-4o-mini': {
              structuredOutput: true,
              jsonMode: true,
              inputPricePerMillion: 0.15,
              outputPricePerMillion: 0.6,
              maxOutputTokens: 2000,
            },
            'local-json': { jsonMode: true, inputPricePerMillion: 1, outputPricePerMillion: 2 },
            'local-text': { inputPricePerMillion: 0, outputPricePerMillion: 0 },
          },
        },
      },
      tasks: { summary: 'default/gpt-4o-mini', tags: 'default/local-json', notes: 'default/local-text' },
    },
    budgets: { dailyUsd: options.dailyUsd ?? 5 },
  });
}

export function setUpLlm(options: LlmTestOptions): LlmTestSetup {
  const config = testLlmConfig(options);
  const store = createLedgerStore(options.stateDir);
  const ledger = createLedger({ store }, { timezone: config.schedule.timezone });
  const alerts: LlmTestSetup['alerts'] = [];
  const client = createLlmClient({
    config,
    env: readEnv({ TEST_LLM_KEY: 'sk-test-key' }),
    ledger,
    logger: options.logger ?? silentLogger(),
    alert: (kind, message) => alerts.push({ kind, message }),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { client, ledger, store, config, alerts };
}
