/**
 * The Slack implementation of the chat port, on Bolt. Socket Mode by default (no public URL);
 * HTTP mode serves /slack/events, where Bolt rejects a bad or stale signature with 401. Web API
 * calls retry 429s after Retry-After and 5xx/network errors under a small retry budget, so a dead
 * API fails in seconds rather than the SDK's default ~30 minutes.
 */
import { Server } from 'node:http';
import { App } from '@slack/bolt';
import type {
  Alert,
  ChatAdapter,
  ChatEventHandler,
  ChatMessage,
  DigestItem,
} from '../../chat/chat-adapter.ts';
import { alertMessage } from '../../chat/message-format.ts';
import type { Clock } from '../../core/clock.ts';
import { ConfigError } from '../../core/errors.ts';
import type { Logger } from '../../log/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { renderDigestItem } from './render-blocks.ts';
import { wireSlackEvents } from './slack-events.ts';
import { createSlackSender } from './slack-sender.ts';

export interface SlackRetryOptions {
  /** Retries after the first attempt (429s included). */
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
  /** Gives up once this much time has passed since the first attempt. */
  maxRetryTimeMs: number;
}

export const DEFAULT_SLACK_RETRY: SlackRetryOptions = {
  retries: 3,
  minTimeoutMs: 500,
  maxTimeoutMs: 5000,
  maxRetryTimeMs: 60_000,
};

/** Everything comes from config.chat.slack and the SLACK_* secrets (see slackOptionsFromConfig). */
export interface SlackAdapterOptions {
  mode: 'socket' | 'http';
  /** SLACK_BOT_TOKEN (xoxb-…). */
  botToken: string;
  /** SLACK_APP_TOKEN (xapp-…), needed in socket mode. */
  appToken?: string | undefined;
  /** SLACK_SIGNING_SECRET, needed in http mode. */
  signingSecret?: string | undefined;
  /** config.chat.slack.apiUrl, e.g. https://slack.com/api/ */
  apiUrl: string;
  /** HTTP mode: where to listen (0 picks a free port). */
  httpPort?: number;
  httpHost?: string;
  retry?: SlackRetryOptions;
}

export interface SlackAdapterDeps {
  logger: Logger;
  clock: Clock;
}

export interface SlackAdapter extends ChatAdapter {
  /** The HTTP server's port once started in http mode. */
  httpPort(): number | undefined;
}

function createApp(options: SlackAdapterOptions, logger: Logger): App {
  const retry = options.retry ?? DEFAULT_SLACK_RETRY;
  return new App({
    token: options.botToken,
    deferInitialization: true,
    logger: boltLogger(logger),
    clientOptions: {
      slackApiUrl: options.apiUrl,
      retryConfig: {
        retries: retry.retries,
        factor: 2,
        minTimeout: retry.minTimeoutMs,
        maxTimeout: retry.maxTimeoutMs,
        maxRetryTime: retry.maxRetryTimeMs,
      },
    },
    ...(options.mode === 'socket'
      ? { socketMode: true, appToken: options.appToken ?? '' }
      : { signingSecret: options.signingSecret ?? '' }),
  });
}

export function createSlackAdapter(deps: SlackAdapterDeps, options: SlackAdapterOptions): SlackAdapter {
  if (options.mode === 'socket' && !options.appToken)
    throw new ConfigError('Slack socket mode needs SLACK_APP_TOKEN');
  if (options.mode === 'http' && !options.signingSecret)
    throw new ConfigError('Slack HTTP mode needs SLACK_SIGNING_SECRET');
  const logger = deps.logger.child({ adapter: 'slack' });
  const app = createApp(options, logger);
  let server: Server | undefined;
  let started = false;

  const sender = createSlackSender(app.client);

  return {
    platform: 'slack',
    httpPort() {
      const address = server?.address();
      return typeof address === 'object' && address !== null ? address.port : undefined;
    },
    async start(handler: ChatEventHandler) {
      wireSlackEvents(app, {
        handler,
        logger,
        now: () => deps.clock.now().toISOString(),
        reply: async (channel, message, threadTs) => {
          await sender.postAll('reply', channel, message, threadTs);
        },
        ephemeral: sender.ephemeral,
      });
      app.error(async (error) => {
        logger.error({ error: error.message }, 'slack listener failed');
      });
      await app.init();
      if (options.mode === 'socket') await app.start();
      else {
        const listening: unknown = await app.start({
          port: options.httpPort ?? 3000,
          host: options.httpHost ?? '0.0.0.0',
        });
        if (listening instanceof Server) server = listening;
      }
      started = true;
    },
    async stop() {
      if (!started) return;
      started = false;
      await app.stop();
      server = undefined;
    },
    sendDigestItem: (chatId: string, item: DigestItem) =>
      sender.post('send digest item', chatId, renderDigestItem(item)),
    sendMessage: (chatId: string, message: ChatMessage) => sender.postAll('send message', chatId, message),
    sendAlert: (chatId: string, alert: Alert) => sender.postAll('send alert', chatId, alertMessage(alert)),
  };
}
