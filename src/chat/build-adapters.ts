/**
 * The composition root of the chat adapters: which platforms are configured (a token in the
 * environment) and how each adapter is built.
 */
import { createFeishuAdapter } from '../adapters/feishu/feishu-adapter.ts';
import { feishuSetupFromConfig } from '../adapters/feishu/feishu-options.ts';
import { createFeishuWebhookAdapter } from '../adapters/feishu/feishu-webhook.ts';
import { createSlackAdapter } from '../adapters/slack/slack-adapter.ts';
import { slackOptionsFromConfig } from '../adapters/slack/slack-options.ts';
import { createTelegramAdapter } from '../adapters/telegram/telegram-adapter.ts';
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

export function buildTelegramAdapter(deps: AdapterBuildDeps): ChatAdapter | undefined {
  const token = deps.env.secrets.TELEGRAM_BOT_TOKEN;
  if (!token) return undefined;
  const config = deps.config.chat.telegram;
  const secret = deps.env.secrets.TELEGRAM_WEBHOOK_SECRET;
  if (config.mode === 'webhook' && !secret) {
    throw new ConfigError('chat.telegram.mode is webhook: set TELEGRAM_WEBHOOK_SECRET');
  }
  return createTelegramAdapter({
    token,
    apiRoot: config.apiRoot,
    parseMode: config.parseMode,
    mode: config.mode,
    ...(secret ? { webhook: { port: config.webhookPort, secret, url: config.webhookUrl } } : {}),
    logger: deps.logger,
    clock: deps.clock,
  });
}

export function buildSlackAdapter(deps: AdapterBuildDeps): ChatAdapter | undefined {
  const options = slackOptionsFromConfig(deps.config.chat.slack, deps.env.secrets);
  return options && createSlackAdapter({ logger: deps.logger, clock: deps.clock }, options);
}

export function buildFeishuAdapter(deps: AdapterBuildDeps): ChatAdapter | undefined {
  const setup = feishuSetupFromConfig(deps.config.chat.feishu, deps.env.secrets);
  if (!setup) return undefined;
  return setup.kind === 'app'
    ? createFeishuAdapter({ logger: deps.logger, clock: deps.clock }, setup.options)
    : createFeishuWebhookAdapter(
        { http: createHttpClient({ logger: deps.logger }), clock: deps.clock, logger: deps.logger },
        setup.options,
      );
}

export function buildChatAdapters(deps: AdapterBuildDeps): ChatAdapter[] {
  return [buildTelegramAdapter(deps), buildSlackAdapter(deps), buildFeishuAdapter(deps)].filter(
    (a): a is ChatAdapter => a !== undefined,
  );
}

/** Secret values that alerts must never show. */
export function secretValues(env: RadarEnv): string[] {
  return Object.values(env.secrets).filter((v): v is string => typeof v === 'string');
}
