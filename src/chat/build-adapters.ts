/**
 * The composition root of the chat adapters: which platforms are configured (a token in the
 * environment) and how each adapter is built. Each platform's SDK is imported only when that
 * platform is configured: the three SDKs together weigh well over 100 MB of memory.
 */
import { feishuSetupFromConfig } from '../adapters/feishu/feishu-options.ts';
import { slackOptionsFromConfig } from '../adapters/slack/slack-options.ts';
import type { RadarEnv } from '../config/env.ts';
import type { RadarConfig } from '../config/schema.ts';
import type { Clock } from '../core/clock.ts';
import { ConfigError } from '../core/errors.ts';
import { createHttpClient } from '../http/http-client.ts';
import type { Logger } from '../log/logger.ts';
import type { ChatAdapter } from './chat-adapter.ts';

export interface AdapterBuildDeps {
  config: RadarConfig;
  env: RadarEnv;
  logger: Logger;
  clock: Clock;
}

export async function buildTelegramAdapter(deps: AdapterBuildDeps): Promise<ChatAdapter | undefined> {
  const token = deps.env.secrets.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  const config = deps.config.chat.telegram;
  const secret = deps.env.secrets.TELEGRAM_WEBHOOK_SECRET;
  if (config.mode === 'webhook' && !secret) {
    throw new ConfigError('chat.telegram.mode is webhook: set TELEGRAM_WEBHOOK_SECRET');
  }
  const { createTelegramAdapter } = await import('../adapters/telegram/telegram-adapter.ts');
  return createTelegramAdapter({
    token,
    apiRoot: config.apiRoot,
    parseMode: config.parseMode,
    mode: config.mode,
    ...(secret
      ? {
          webhook: {
            port: config.webhookPort,
            host: config.webhookHost,
            path: config.webhookPath,
            secret,
            url: config.webhookUrl,
          },
        }
      : {}),
    logger: deps.logger,
    clock: deps.clock,
  });
}

export async function buildSlackAdapter(deps: AdapterBuildDeps): Promise<ChatAdapter | undefined> {
  const options = slackOptionsFromConfig(deps.config.chat.slack, deps.env.secrets);
  if (!options) return undefined;
  const { createSlackAdapter } = await import('../adapters/slack/slack-adapter.ts');
  return createSlackAdapter({ logger: deps.logger, clock: deps.clock }, options);
}

export async function buildFeishuAdapter(deps: AdapterBuildDeps): Promise<ChatAdapter | undefined> {
  const setup = feishuSetupFromConfig(deps.config.chat.feishu, deps.env.secrets);
  if (!setup) return undefined;
  if (setup.kind === 'app') {
    const { createFeishuAdapter } = await import('../adapters/feishu/feishu-adapter.ts');
    return createFeishuAdapter({ logger: deps.logger, clock: deps.clock }, setup.options);
  }
  const { createFeishuWebhookAdapter } = await import('../adapters/feishu/feishu-webhook.ts');
  return createFeishuWebhookAdapter(
    { http: createHttpClient({ logger: deps.logger }), clock: deps.clock, logger: deps.logger },
    setup.options,
  );
}

export async function buildChatAdapters(deps: AdapterBuildDeps): Promise<ChatAdapter[]> {
  const adapters = await Promise.all([
    buildTelegramAdapter(deps),
    buildSlackAdapter(deps),
    buildFeishuAdapter(deps),
  ]);
  return adapters.filter((a): a is ChatAdapter => a !== undefined);
}

/** Secret values that alerts must never show. */
export function secretValues(env: RadarEnv): string[] {
  return Object.values(env.secrets).filter((v): v is string => typeof v === 'string');
}
