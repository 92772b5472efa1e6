/**
 * One OpenAI client and one concurrency queue per provider, made on first use. The SDK does the
 * retrying: `maxRetries` with its backoff (0.5 s doubling to 8 s, jittered), honouring
 * Retry-After / retry-after-ms on 429 and retrying 408, 409, 5xx, timeouts and connection errors;
 * `timeout` bounds each attempt. The layer above does not retry API errors again.
 */
import OpenAI from 'openai';
import type { Logger as SdkLogger } from 'openai/client';
import PQueue from 'p-queue';
import type { RadarEnv } from '../config/env.ts';
import type { LlmProviderConfig, RadarConfig } from '../config/schema.ts';
import type { Logger } from '../log/logger.ts';

export interface ProviderHandle {
  readonly client: OpenAI;
  readonly queue: PQueue;
  readonly config: LlmProviderConfig;
}

export interface ProviderPool {
  /** Undefined when the provider is not declared or its API key variable is not set. */
  get(providerName: string): ProviderHandle | undefined;
  /** Why `get` answers undefined, for error messages (names the variable, never its value). */
  missing(providerName: string): string | undefined;
  /** Calls queued or running, over all providers. */
  pending(): number;
}

/** The SDK's log lines go to pino; its info lines (one per retry) become debug. */
function sdkLogger(logger: Logger): SdkLogger {
  const log =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (message: string, ...rest: unknown[]) =>
      logger[level]({ detail: rest.length > 0 ? rest : undefined }, message);
  return { error: log('error'), warn: log('warn'), info: log('debug'), debug: log('debug') };
}

export function createProviderPool(deps: {
  llm: RadarConfig['llm'];
  env: RadarEnv;
  logger: Logger;
}): ProviderPool {
  const handles = new Map<string, ProviderHandle>();
  const apiKey = (config: LlmProviderConfig) => deps.env.raw[config.apiKeyEnv]?.trim() || undefined;
  return {
    get(providerName) {
      const cached = handles.get(providerName);
      if (cached) return cached;
      const config = deps.llm.providers[providerName];
      const key = config && apiKey(config);
      if (!config || !key) return undefined;
      const client = new OpenAI({
        apiKey: key,
        baseURL: config.baseUrl,
        maxRetries: config.maxRetries,
        timeout: config.timeoutSeconds * 1000,
        logger: sdkLogger(deps.logger.child({ module: 'openai', provider: providerName })),
        logLevel: 'warn',
      });
      const handle = { client, queue: new PQueue({ concurrency: config.concurrency }), config };
      handles.set(providerName, handle);
      return handle;
    },
    missing(providerName) {
      const config = deps.llm.providers[providerName];
      if (!config) return `LLM provider "${providerName}" is not declared in llm.providers`;
      return apiKey(config) ? undefined : `set ${config.apiKeyEnv} for LLM provider "${providerName}"`;
    },
    pending: () => [...handles.values()].reduce((n, h) => n + h.queue.size + h.queue.pending, 0),
  };
}
