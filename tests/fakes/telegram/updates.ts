/**
 * Update builders for tests, with the user, chats and bot of the recorded fixture
 * (getUpdates_command_reaction_callback_CONSTRUCTED.json). They return updates without
 * `update_id`: the fake's pushUpdate assigns one; for `bot.handleUpdate` spread one in.
 */
import type { CallbackQuery, Message, TelegramEmoji, Update, User } from 'telegraf/types';
import { z } from 'zod';
import { readFixture } from '../fixtures.ts';

const FIXTURE = 'telegram/getUpdates_command_reaction_callback_CONSTRUCTED.json';

const userSchema = z.object({
  id: z.number(),
  is_bot: z.boolean(),
  first_name: z.string(),
  last_name: z.string().exactOptional(),
  username: z.string().exactOptional(),
  language_code: z.string().exactOptional(),
});
const privateChatSchema = z.object({
  id: z.number(),
  type: z.literal('private'),
  first_name: z.string(),
  last_name: z.string().exactOptional(),
  username: z.string().exactOptional(),
});
const supergroupSchema = z.object({ id: z.number(), type: z.literal('supergroup'), title: z.string() });
const rawUpdates = z.object({ result: z.array(z.record(z.string(), z.unknown())) });
const fixtureSchema = z.object({
  result: z.tuple([
    z.object({ message: z.object({ from: userSchema, chat: privateChatSchema }) }),
    z.unknown(),
    z.unknown(),
    z.object({
      callback_query: z.object({ chat_instance: z.string(), message: z.object({ from: userSchema }) }),
    }),
    z.object({ message: z.object({ chat: supergroupSchema }) }),
  ]),
});

function loadPeople() {
  const [command, , , callback, group] = fixtureSchema.parse(readFixture(FIXTURE)).result;
  return {
    user: command.message.from,
    privateChat: command.message.chat,
    supergroup: group.message.chat,
    bot: callback.callback_query.message.from,
    chatInstance: callback.callback_query.chat_instance,
  };
}

/** The recorded user, private chat, supergroup and bot user. */
export const telegramPeople = loadPeople();

/** The five recorded updates verbatim (command, two reactions, callback query, group command). */
export function fixtureUpdates(): Array<Record<string, unknown>> {
  return rawUpdates.parse(readFixture(FIXTURE)).result;
}

export type UpdateWithoutId<U extends Update> = Omit<U, 'update_id'>;

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function chatFor(where: 'private' | 'group') {
  return where === 'private' ? telegramPeople.privateChat : telegramPeople.supergroup;
}

export interface CommandUpdateOptions {
  /** The whole message text, starting with the command, e.g. `/search llm agents`. */
  text?: string;
  chat?: 'private' | 'group';
  messageId?: number;
  from?: User;
}

export function commandUpdate(
  options: CommandUpdateOptions = {},
): UpdateWithoutId<Update.MessageUpdate<Message.TextMessage>> {
  const text = options.text ?? '/search llm agent benchmarks';
  const command = text.split(/\s/, 1)[0] ?? text;
  return {
    message: {
      message_id: options.messageId ?? 10,
      from: options.from ?? telegramPeople.user,
      chat: chatFor(options.chat ?? 'private'),
      date: nowSeconds(),
      text,
      entities: command.startsWith('/') ? [{ offset: 0, length: command.length, type: 'bot_command' }] : [],
    },
  };
}

export interface ReactionUpdateOptions {
  messageId: number;
  /** The reactions after the change (`new_reaction`). */
  emoji: TelegramEmoji[];
  /** The reactions before the change (`old_reaction`). */
  previous?: TelegramEmoji[];
  chat?: 'private' | 'group';
  user?: User;
}

export function reactionUpdate(
  options: ReactionUpdateOptions,
): UpdateWithoutId<Update.MessageReactionUpdate> {
  return {
    message_reaction: {
      chat: chatFor(options.chat ?? 'private'),
      message_id: options.messageId,
      user: options.user ?? telegramPeople.user,
      date: nowSeconds(),
      old_reaction: (options.previous ?? []).map((emoji) => ({ type: 'emoji', emoji })),
      new_reaction: options.emoji.map((emoji) => ({ type: 'emoji', emoji })),
    },
  };
}

export interface CallbackQueryUpdateOptions {
  data: string;
  /** The bot message that carried the inline keyboard. */
  messageId?: number;
  messageText?: string;
  id?: string;
  from?: User;
}

export function callbackQueryUpdate(
  options: CallbackQueryUpdateOptions,
): UpdateWithoutId<Update.CallbackQueryUpdate<CallbackQuery.DataQuery>> {
  return {
    callback_query: {
      id: options.id ?? '6999130543289047583',
      from: options.from ?? telegramPeople.user,
      message: {
        message_id: options.messageId ?? 11,
        from: telegramPeople.bot,
        chat: telegramPeople.privateChat,
        date: nowSeconds(),
        text: options.messageText ?? 'Found 3 papers. Save to Notion?',
      },
      chat_instance: telegramPeople.chatInstance,
      data: options.data,
    },
  };
}
