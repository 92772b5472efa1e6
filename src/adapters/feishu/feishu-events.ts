/**
 * Feishu events (as EventDispatcher hands them over: header and event fields flattened) → the
 * port's ChatEvents. im.message.receive_v1: a text starting with `/`, or @-mentioning the bot,
 * is a command (mention keys like `@_user_1` are removed first); reaction created/deleted →
 * 'reaction'; card.action.trigger on a 👍/👎 card button → 'button', acknowledged with a toast
 * returned to Feishu as the callback's answer. Reactions made by apps (the bot itself) are ignored.
 */
import { z } from 'zod';
import type { ChatEventHandler, ChatMessage } from '../../chat/chat-adapter.ts';
import type { Logger } from '../../log/logger.ts';
import { parseCommandText } from '../shared/command-text.ts';
import { parseFeedbackValue } from '../shared/feedback-value.ts';
import { guardedHandler } from '../shared/guarded-handler.ts';
import { feishuEmoji } from './emoji-types.ts';
import { FEEDBACK_KEY } from './render-card.ts';

export interface FeishuEventWiring {
  handler: ChatEventHandler;
  logger: Logger;
  now(): string;
  /** The bot's open_id; without it, any @-mention in a message counts as addressing the bot. */
  botOpenId?: string | undefined;
  reply(messageId: string, message: ChatMessage): Promise<void>;
  /** The chat a message belongs to (reaction events carry only the message id). */
  chatOf(messageId: string): Promise<string>;
}

const openId = z.looseObject({ open_id: z.string() });
const messageEvent = z.looseObject({
  sender: z.looseObject({ sender_id: openId, sender_type: z.string().optional() }),
  message: z.looseObject({
    message_id: z.string(),
    chat_id: z.string(),
    chat_type: z.string().optional(),
    message_type: z.string(),
    content: z.string(),
    mentions: z
      .array(z.looseObject({ key: z.string(), id: z.looseObject({ open_id: z.string().optional() }) }))
      .optional(),
  }),
});
const reactionEvent = z.looseObject({
  message_id: z.string(),
  reaction_type: z.looseObject({ emoji_type: z.string() }),
  operator_type: z.string().optional(),
  user_id: openId.optional(),
});
const cardAction = z.looseObject({
  operator: openId,
  action: z.looseObject({ value: z.unknown() }),
  context: z.looseObject({ open_message_id: z.string(), open_chat_id: z.string() }).optional(),
  open_message_id: z.string().optional(),
  open_chat_id: z.string().optional(),
});
const textContent = z.object({ text: z.string() });
const feedbackObject = z.object({ [FEEDBACK_KEY]: z.string() });

type Handle = (data: unknown) => Promise<unknown>;

function commandText(
  data: z.infer<typeof messageEvent>,
  botOpenId: string | undefined,
): { text: string; mentioned: boolean } | undefined {
  if (data.message.message_type !== 'text') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(data.message.content);
  } catch {
    return undefined;
  }
  const parsed = textContent.safeParse(body);
  if (!parsed.success) return undefined;
  const mentions = data.message.mentions ?? [];
  const mentioned = mentions.some((m) => botOpenId === undefined || m.id.open_id === botOpenId);
  const text = mentions.reduce((t, m) => t.split(m.key).join(' '), parsed.data.text);
  return { text, mentioned };
}

export function feishuEventHandles(wiring: FeishuEventWiring): Record<string, Handle> {
  const run = guardedHandler(wiring.handler, wiring.logger, 'feishu');
  const ignored = (what: string, error: z.ZodError): undefined => {
    wiring.logger.warn({ issues: error.issues.length }, `feishu ${what} event ignored: unexpected shape`);
    return undefined;
  };

  const onMessage: Handle = async (raw) => {
    const data = messageEvent.safeParse(raw);
    if (!data.success) return ignored('message', data.error);
    if (data.data.sender.sender_type === 'app') return;
    const found = commandText(data.data, wiring.botOpenId);
    const parsed = found && parseCommandText(found.text, { requireSlash: !found.mentioned });
    if (!parsed) return;
    const { message, sender } = data.data;
    await run({
      kind: 'command',
      platform: 'feishu',
      chatId: message.chat_id,
      userId: sender.sender_id.open_id,
      at: wiring.now(),
      ...parsed,
      reply: (answer) => wiring.reply(message.message_id, answer),
    });
  };

  const onReaction =
    (added: boolean): Handle =>
    async (raw) => {
      const data = reactionEvent.safeParse(raw);
      if (!data.success) return ignored('reaction', data.error);
      if (data.data.operator_type === 'app' || !data.data.user_id) return;
      await run({
        kind: 'reaction',
        platform: 'feishu',
        chatId: await wiring.chatOf(data.data.message_id),
        userId: data.data.user_id.open_id,
        at: wiring.now(),
        messageId: data.data.message_id,
        emoji: feishuEmoji(data.data.reaction_type.emoji_type),
        added,
      });
    };

  const onCardAction: Handle = async (raw) => {
    const data = cardAction.safeParse(raw);
    if (!data.success) return ignored('card action', data.error);
    const value = feedbackObject.safeParse(data.data.action.value);
    const feedback = value.success ? parseFeedbackValue(value.data[FEEDBACK_KEY]) : undefined;
    const messageId = data.data.context?.open_message_id ?? data.data.open_message_id;
    const chatId = data.data.context?.open_chat_id ?? data.data.open_chat_id;
    if (!feedback || !messageId || !chatId) return undefined;
    let toast: string | undefined;
    await run({
      kind: 'button',
      platform: 'feishu',
      chatId,
      userId: data.data.operator.open_id,
      at: wiring.now(),
      messageId,
      ...feedback,
      acknowledge: async (text) => {
        toast = text;
      },
    });
    return toast ? { toast: { type: 'success', content: toast } } : undefined;
  };

  return {
    'im.message.receive_v1': onMessage,
    'im.message.reaction.created_v1': onReaction(true),
    'im.message.reaction.deleted_v1': onReaction(false),
    'card.action.trigger': onCardAction,
  };
}
