/**
 * A fake Telegram Bot API at `/bot<token>/<method>` for telegraf (`telegram: { apiRoot: fake.url }`).
 * Long polling works against it: tests push updates and `getUpdates` hands them out with offset
 * confirmation, allowed_updates filtering and a held `timeout` (capped at `maxHoldMs`).
 */
import { z } from 'zod';
import { type FakeResponse, type FakeServer, type RecordedRequest, startFakeServer } from './fake-server.ts';
import { readFixture } from './fixtures.ts';
import { requestParams } from './request-params.ts';
import {
  badRequest,
  boolSchema,
  chatIdSchema,
  errorResponse,
  intSchema,
  okResponse,
  tooManyRequests,
} from './telegram/bot-api.ts';
import { createMessageStore, type SentMessage } from './telegram/messages.ts';
import { createUpdateQueue } from './telegram/update-queue.ts';

export type { SentMessage } from './telegram/messages.ts';

export interface TelegramFakeOptions {
  token: string;
  /** The longest a `getUpdates` with a timeout is held when the queue is empty; default 1000 ms. */
  maxHoldMs?: number;
}

export interface CallbackAnswer {
  callback_query_id: string;
  text?: string;
  show_alert?: boolean;
}

export interface SetReaction {
  chat_id: number | string;
  message_id: number;
  reaction: Array<{ type: string; emoji?: string }>;
}

export interface BotCommand {
  command: string;
  description: string;
}

export interface TelegramFake extends FakeServer {
  readonly token: string;
  /** Queues an update for getUpdates (assigning update_id when missing); returns its update_id. */
  pushUpdate(update: object): number;
  pendingUpdates(): object[];
  /** The allowed_updates last passed to getUpdates, undefined if none was passed. */
  allowedUpdates(): readonly string[] | undefined;
  sentMessages(): SentMessage[];
  callbackAnswers(): CallbackAnswer[];
  reactions(): SetReaction[];
  commands(): BotCommand[];
  webhookUrl(): string | undefined;
  /** Makes sendMessage to this chat fail with 403 "bot was blocked by the user". */
  blockChat(chatId: number | string): void;
  /** Another instance with this token polls: the current (or next) getUpdates answers 409 Conflict. */
  conflictPolling(): void;
  /** Requests to one Bot API method, in arrival order. */
  calls(method: string): RecordedRequest[];
  /** Parsed parameters (query, JSON or form) of each call to a method. */
  callParams(method: string): Array<Record<string, unknown>>;
  /** The next `times` calls to `method` answer 429 with parameters.retry_after. */
  rateLimit(method: string, retryAfter: number, times?: number): void;
}

/** Emoji a bot may react with (Bot API ReactionTypeEmoji), as listed in @telegraf/types. */
const REACTION_EMOJI = new Set(
  '👍 👎 ❤ 🔥 🥰 👏 😁 🤔 🤯 😱 🤬 😢 🎉 🤩 🤮 💩 🙏 👌 🕊 🤡 🥱 🥴 😍 🐳 ❤‍🔥 🌚 🌭 💯 🤣 ⚡ 🍌 🏆 💔 🤨 😐 🍓 🍾 💋 🖕 😈 😴 😭 🤓 👻 👨‍💻 👀 🎃 🙈 😇 😨 🤝 ✍ 🤗 🫡 🎅 🎄 ☃ 💅 🤪 🗿 🆒 💘 🙉 🦄 😘 💊 🙊 😎 👾 🤷‍♂ 🤷 🤷‍♀ 😡'.split(
    ' ',
  ),
);

const pollSchema = z.object({
  offset: intSchema.optional(),
  limit: intSchema.optional(),
  timeout: intSchema.optional(),
  allowed_updates: z.array(z.string()).optional(),
});
const reactionSchema = z.object({
  chat_id: chatIdSchema,
  message_id: intSchema,
  reaction: z.array(z.object({ type: z.string(), emoji: z.string().exactOptional() })).optional(),
});
const commandsSchema = z.object({
  commands: z.array(z.object({ command: z.string(), description: z.string() })),
});
const callbackSchema = z.object({
  callback_query_id: z.string(),
  text: z.string().optional(),
  show_alert: boolSchema.optional(),
});
const callbackIdSchema = z.object({ callback_query: z.object({ id: z.string() }) });

const WEBHOOK_ACTIVE =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

export async function startTelegramFake(options: TelegramFakeOptions): Promise<TelegramFake> {
  const server = await startFakeServer('telegram');
  const updates = createUpdateQueue(options.maxHoldMs === undefined ? {} : { maxHoldMs: options.maxHoldMs });
  const messages = createMessageStore();
  const answers: CallbackAnswer[] = [];
  const reactions: SetReaction[] = [];
  const knownCallbacks = new Set<string>();
  let commands: BotCommand[] = [];
  let webhook: string | undefined;
  const me = z
    .object({ result: z.record(z.string(), z.unknown()) })
    .parse(readFixture('telegram/getMe_response_real.json'));

  const removeWebhook = (p: Record<string, unknown>): FakeResponse => {
    const had = webhook !== undefined;
    webhook = undefined;
    if (boolSchema.safeParse(p.drop_pending_updates).data === true) updates.clear();
    return okResponse(true, had ? 'Webhook was deleted' : 'Webhook is already deleted');
  };

  const methods: Record<string, (p: Record<string, unknown>) => FakeResponse | Promise<FakeResponse>> = {
    getMe: () => okResponse(me.result),
    getUpdates: async (p) => {
      if (webhook !== undefined) return errorResponse(409, WEBHOOK_ACTIVE);
      const parsed = pollSchema.safeParse(p);
      if (!parsed.success) return badRequest('invalid getUpdates parameters');
      const result = await updates.poll(parsed.data);
      if (result.kind === 'conflict') {
        return errorResponse(
          409,
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        );
      }
      return okResponse(result.updates);
    },
    setWebhook: (p) => {
      if (typeof p.url !== 'string' || p.url === '') return removeWebhook(p);
      webhook = p.url;
      return okResponse(true, 'Webhook was set');
    },
    deleteWebhook: removeWebhook,
    getWebhookInfo: () =>
      okResponse({
        url: webhook ?? '',
        has_custom_certificate: false,
        pending_update_count: updates.pending().length,
      }),
    sendMessage: (p) => messages.send(p),
    editMessageText: (p) => messages.edit(p, false),
    editMessageReplyMarkup: (p) => messages.edit(p, true),
    answerCallbackQuery: (p) => {
      const parsed = callbackSchema.safeParse(p);
      if (!parsed.success || !knownCallbacks.has(parsed.data.callback_query_id)) {
        return badRequest('query is too old and response timeout expired or query ID is invalid');
      }
      const answer: CallbackAnswer = { callback_query_id: parsed.data.callback_query_id };
      if (parsed.data.text !== undefined) answer.text = parsed.data.text;
      if (parsed.data.show_alert !== undefined) answer.show_alert = parsed.data.show_alert;
      answers.push(answer);
      return okResponse(true);
    },
    setMessageReaction: (p) => {
      const parsed = reactionSchema.safeParse(p);
      if (!parsed.success) return badRequest('message_id is empty');
      const reaction = parsed.data.reaction ?? [];
      if (reaction.some((r) => r.type === 'emoji' && !REACTION_EMOJI.has(r.emoji ?? ''))) {
        return badRequest('REACTION_INVALID');
      }
      if (reaction.length > 1) return badRequest('REACTIONS_TOO_MANY');
      reactions.push({ chat_id: parsed.data.chat_id, message_id: parsed.data.message_id, reaction });
      return okResponse(true);
    },
    setMyCommands: (p) => {
      const parsed = commandsSchema.safeParse(p);
      if (!parsed.success) return badRequest('parameter "commands" is required');
      const invalid = parsed.data.commands.some(
        (c) => !/^[a-z0-9_]{1,32}$/.test(c.command) || c.description.length < 1 || c.description.length > 256,
      );
      if (invalid) return badRequest('BOT_COMMAND_INVALID');
      commands = parsed.data.commands;
      return okResponse(true);
    },
    getMyCommands: () => okResponse(commands),
  };

  server.route('*', '/:bot/:method', (req, params) => {
    if (params.bot !== `bot${options.token}`) return errorResponse(401, 'Unauthorized');
    const handler = methods[params.method ?? ''];
    return handler ? handler(requestParams(req)) : errorResponse(404, 'Not Found');
  });

  const methodPath = (method: string): string => `/bot${options.token}/${method}`;
  const calls = (method: string) => server.requestsTo(methodPath(method));

  return {
    ...server,
    token: options.token,
    pushUpdate(update) {
      const callback = callbackIdSchema.safeParse(update);
      if (callback.success) knownCallbacks.add(callback.data.callback_query.id);
      return updates.push(update);
    },
    pendingUpdates: () => updates.pending(),
    allowedUpdates: () => updates.allowedUpdates(),
    sentMessages: () => [...messages.sent],
    callbackAnswers: () => [...answers],
    reactions: () => [...reactions],
    commands: () => [...commands],
    webhookUrl: () => webhook,
    blockChat(chatId) {
      messages.blocked.add(String(chatId));
    },
    conflictPolling: () => updates.conflict(),
    calls,
    callParams: (method) => calls(method).map(requestParams),
    rateLimit(method, retryAfter, times = 1) {
      server.inject({
        fault: { kind: 'status', status: 429, body: tooManyRequests(retryAfter) },
        match: (req) => req.path === methodPath(method),
        times,
      });
    },
    async close() {
      updates.close();
      await server.close();
    },
  };
}
