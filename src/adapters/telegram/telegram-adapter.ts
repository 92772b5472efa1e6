/**
 * The Telegram implementation of the chat port, on telegraf. Long polling by default (no public
 * URL needed) with allowed_updates asking for reactions and button presses; webhook mode runs
 * a local HTTP server that checks the secret token header. Every API call goes through the
 * app's retry helper (telegraf never retries; a 429 carries retry_after).
 */
import { Markup, Telegraf, TelegramError } from 'telegraf';
import type {
  Alert,
  ChatAdapter,
  ChatEventHandler,
  ChatMessage,
  DigestItem,
  ReceiveObserver,
  SentMessage,
} from '../../chat/chat-adapter.ts';
import { COMMAND_HELP } from '../../chat/commands/help.ts';
import { alertMessage, digestItemMessage } from '../../chat/message-format.ts';
import { redactSecrets } from '../../chat/redact.ts';
import type { Clock } from '../../core/clock.ts';
import { ConfigError } from '../../core/errors.ts';
import type { Logger } from '../../log/logger.ts';
import { feedbackData } from './callback-data.ts';
import {
  createPollingSupervisor,
  DEFAULT_POLLING_RESTART,
  type PollingRestartOptions,
  type PollingSupervisor,
} from './polling-supervisor.ts';
import { type ParseMode, rendererFor, renderMessage } from './render.ts';
import { splitMessage } from './split-message.ts';
import { wireEvents } from './telegram-events.ts';
import { createTelegramCaller, DEFAULT_TELEGRAM_RETRY, type TelegramRetryOptions } from './telegram-retry.ts';
import { startWebhookServer, type WebhookServer } from './webhook-server.ts';

export const ALLOWED_UPDATES = ['message', 'message_reaction', 'callback_query'] as const;

export interface TelegramAdapterOptions {
  token: string;
  apiRoot: string;
  parseMode: ParseMode;
  mode: 'polling' | 'webhook';
  /** Webhook mode: where to listen, the secret Telegram sends, and the public URL to register (if any). */
  webhook?: { port: number; host?: string; path?: string; secret: string; url?: string | undefined };
  logger: Logger;
  clock: Clock;
  retry?: TelegramRetryOptions;
  /** Backoff of the polling restarts after a 409 Conflict or a lost connection. */
  pollingRestart?: PollingRestartOptions;
}

export interface TelegramAdapter extends ChatAdapter {
  /** The webhook server's port once started in webhook mode. */
  webhookPort(): number | undefined;
}

type Keyboard = ReturnType<typeof Markup.inlineKeyboard>;

export function createTelegramAdapter(options: TelegramAdapterOptions): TelegramAdapter {
  const bot = new Telegraf(options.token, { telegram: { apiRoot: options.apiRoot } });
  const retrying = createTelegramCaller(options.retry ?? DEFAULT_TELEGRAM_RETRY);
  // Network errors quote the request URL, which holds the token: scrub it before anything logs it.
  const call = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await retrying(operation);
    } catch (error) {
      if (error instanceof Error) error.message = redactSecrets(error.message, [options.token]);
      throw error;
    }
  };
  const renderer = rendererFor(options.parseMode);
  const logger = options.logger.child({ adapter: 'telegram' });
  const describe = (error: unknown): string =>
    redactSecrets(error instanceof Error ? error.message : String(error), [options.token]);
  let polling: PollingSupervisor | undefined;
  let webhook: WebhookServer | undefined;

  async function sendParts(
    chatId: string,
    message: ChatMessage,
    extra: { replyTo?: number; keyboard?: Keyboard } = {},
  ) {
    const parts = splitMessage(message, renderer);
    const sent: SentMessage[] = [];
    for (const [index, part] of parts.entries()) {
      const last = index === parts.length - 1;
      const result = await call(() =>
        bot.telegram.sendMessage(chatId, renderMessage(renderer, part), {
          parse_mode: renderer.parseMode,
          link_preview_options: { is_disabled: true },
          ...(index === 0 && extra.replyTo !== undefined
            ? { reply_parameters: { message_id: extra.replyTo, allow_sending_without_reply: true } }
            : {}),
          ...(last && extra.keyboard ? extra.keyboard : {}),
        }),
      );
      sent.push({
        platform: 'telegram',
        chatId: String(result.chat.id),
        messageId: String(result.message_id),
      });
    }
    return sent;
  }

  async function startPolling(observer: ReceiveObserver | undefined): Promise<void> {
    polling = createPollingSupervisor(
      {
        launch: (onUp) => bot.launch({ allowedUpdates: [...ALLOWED_UPDATES] }, onUp),
        halt: () => bot.stop('radar stopping'),
        describe,
        logger,
        now: () => options.clock.now().getTime(),
        observer,
      },
      options.pollingRestart ?? DEFAULT_POLLING_RESTART,
    );
    await polling.start();
  }

  /** Who the bot is (its username tells commands to other bots apart); a refused token is a config error. */
  async function identify(): Promise<void> {
    try {
      bot.botInfo = await call(() => bot.telegram.getMe());
    } catch (error) {
      if (error instanceof TelegramError && (error.code === 401 || error.code === 404)) {
        throw new ConfigError(
          `the Telegram token was refused (${error.code} ${error.description}): check TELEGRAM_BOT_TOKEN`,
        );
      }
      throw error;
    }
  }

  /** A restarted poll may see updates again that were handled before the restart. */
  function skipSeenUpdates(): void {
    let last = -1;
    bot.use(async (ctx, next) => {
      const id = ctx.update.update_id;
      if (id <= last) return;
      last = id;
      await next();
    });
  }

  /** The command menu Telegram clients show; a failure here only costs the menu. */
  async function registerCommands(): Promise<void> {
    const commands = COMMAND_HELP.map(([usage, description]) => ({
      command: usage.split(' ')[0] ?? usage,
      description,
    }));
    await call(() => bot.telegram.setMyCommands(commands)).catch((error: unknown) => {
      logger.warn({ error: describe(error) }, 'could not register the telegram command menu');
    });
  }

  async function startWebhook(): Promise<void> {
    const config = options.webhook;
    if (!config) throw new Error('telegram webhook mode needs a port and a secret');
    webhook = await startWebhookServer({
      port: config.port,
      secret: config.secret,
      logger,
      onUpdate: (update) => bot.handleUpdate(update),
      ...(config.host === undefined ? {} : { host: config.host }),
      ...(config.path === undefined ? {} : { path: config.path }),
    });
    if (config.url) {
      await call(() =>
        bot.telegram.setWebhook(config.url ?? '', {
          secret_token: config.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        }),
      );
    }
  }

  return {
    platform: 'telegram',
    webhookPort: () => webhook?.port,
    exclusiveReceiver: options.mode === 'polling',
    async start(handler: ChatEventHandler, observer?: ReceiveObserver) {
      bot.catch((error) => {
        logger.error({ error: describe(error) }, 'telegram update failed');
      });
      await identify();
      skipSeenUpdates();
      wireEvents(bot, {
        handler,
        reply: (chatId, message, replyTo) => sendParts(chatId, message, { replyTo }),
        acknowledge: (ctx, text) => call(() => ctx.answerCbQuery(text === '' ? undefined : text)),
        now: () => options.clock.now().toISOString(),
      });
      await registerCommands();
      if (options.mode === 'webhook') await startWebhook();
      else await startPolling(observer);
    },
    async stop() {
      if (polling) {
        await polling.stop();
        polling = undefined;
      }
      if (webhook) {
        await webhook.close();
        webhook = undefined;
      }
    },
    async sendDigestItem(chatId: string, item: DigestItem) {
      const keyboard = Markup.inlineKeyboard([
        Markup.button.callback('👍', feedbackData(item.paperId, 1)),
        Markup.button.callback('👎', feedbackData(item.paperId, -1)),
      ]);
      const sent = await sendParts(chatId, digestItemMessage(item), { keyboard });
      const last = sent.at(-1);
      if (!last) throw new Error('telegram sent no message for a digest item');
      return last;
    },
    sendMessage: (chatId: string, message: ChatMessage) => sendParts(chatId, message),
    sendAlert: (chatId: string, alert: Alert) => sendParts(chatId, alertMessage(alert)),
  };
}
