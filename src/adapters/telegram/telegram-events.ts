/** Telegram updates → the port's ChatEvents (pure mapping helpers plus the telegraf handlers). */
import type { Context, Telegraf } from 'telegraf';
import type { ReactionType } from 'telegraf/types';
import type { ChatEventHandler, ChatMessage } from '../../chat/chat-adapter.ts';
import { parseCommandText } from '../shared/command-text.ts';
import { parseFeedbackData } from './callback-data.ts';

/**
 * `/search@radar_bot llm agents` → `{command: 'search', args: 'llm agents'}`; plain text is no
 * command, nor is one addressed to another bot than `botName`.
 */
export function parseCommand(text: string, botName?: string): { command: string; args: string } | undefined {
  return parseCommandText(text, { requireSlash: true, botName });
}

const emojiOf = (reactions: readonly ReactionType[]): string[] =>
  reactions.flatMap((r) => (r.type === 'emoji' ? [r.emoji] : []));

/** Removed emoji first, then added: a change 👍 → 🔥 removes, then sets, within the same second. */
export function reactionChanges(
  before: readonly ReactionType[],
  after: readonly ReactionType[],
): Array<{ emoji: string; added: boolean }> {
  const old = emojiOf(before);
  const now = emojiOf(after);
  return [
    ...old.filter((e) => !now.includes(e)).map((emoji) => ({ emoji, added: false })),
    ...now.filter((e) => !old.includes(e)).map((emoji) => ({ emoji, added: true })),
  ];
}

export interface EventWiring {
  handler: ChatEventHandler;
  reply(chatId: string, message: ChatMessage, replyTo: number): Promise<unknown>;
  acknowledge(ctx: Context, text: string): Promise<unknown>;
  /**
   * The time an update is handled. Callback queries carry no date and Telegram's dates are whole
   * seconds: every event is stamped on this one clock so a button press and a reaction order right.
   */
  now(): string;
}

export function wireEvents(bot: Telegraf, wiring: EventWiring): void {
  bot.on('message', async (ctx) => {
    const text = 'text' in ctx.message ? ctx.message.text : undefined;
    const parsed = text === undefined ? undefined : parseCommand(text, ctx.botInfo.username);
    if (!parsed) return;
    const chatId = String(ctx.chat.id);
    const messageId = ctx.message.message_id;
    await wiring.handler({
      kind: 'command',
      platform: 'telegram',
      chatId,
      userId: String(ctx.from.id),
      at: wiring.now(),
      ...parsed,
      reply: async (message) => {
        await wiring.reply(chatId, message, messageId);
      },
    });
  });

  bot.on('message_reaction', async (ctx) => {
    const reaction = ctx.messageReaction;
    // Anonymous group admins react as the chat (actor_chat): there is no user to label for.
    if (!reaction.user) return;
    const reactions = emojiOf(reaction.new_reaction);
    for (const change of reactionChanges(reaction.old_reaction, reaction.new_reaction)) {
      await wiring.handler({
        kind: 'reaction',
        platform: 'telegram',
        chatId: String(reaction.chat.id),
        userId: String(reaction.user.id),
        at: wiring.now(),
        messageId: String(reaction.message_id),
        ...change,
        reactions,
      });
    }
  });

  bot.on('callback_query', async (ctx) => {
    const query = ctx.callbackQuery;
    const feedback = 'data' in query ? parseFeedbackData(query.data) : undefined;
    const message = query.message;
    if (!feedback || !message) {
      await wiring.acknowledge(ctx, '');
      return;
    }
    await wiring.handler({
      kind: 'button',
      platform: 'telegram',
      chatId: String(message.chat.id),
      userId: String(query.from.id),
      at: wiring.now(),
      messageId: String(message.message_id),
      ...feedback,
      acknowledge: async (text) => {
        await wiring.acknowledge(ctx, text);
      },
    });
  });
}
