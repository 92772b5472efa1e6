/**
 * sendMessage / editMessageText / editMessageReplyMarkup with the checks Telegram applies before
 * sending: empty text, unknown parse_mode, HTML or MarkdownV2 that does not parse, more than 4096
 * characters after entity parsing, callback_data over 64 bytes, "message is not modified".
 */
import { z } from 'zod';
import type { FakeResponse } from '../fake-server.ts';
import { badRequest, chatIdSchema, errorResponse, intSchema, okResponse } from './bot-api.ts';
import { checkHtml, type MarkupResult } from './html-markup.ts';
import { checkMarkdownV2 } from './markdown-v2.ts';
import { telegramPeople } from './updates.ts';

export const MAX_MESSAGE_LENGTH = 4096;

export interface SentMessage {
  chat_id: number | string;
  message_id: number;
  /** The text as sent, markup included. */
  text: string;
  /** The text a user sees, after entity parsing. */
  plain_text: string;
  parse_mode?: string;
  reply_markup?: unknown;
  reply_to_message_id?: number;
  edited: boolean;
}

const sendSchema = z.object({
  chat_id: chatIdSchema,
  text: z.string().optional(),
  parse_mode: z.string().optional(),
  reply_markup: z.unknown().optional(),
  reply_to_message_id: intSchema.optional(),
  reply_parameters: z.object({ message_id: intSchema }).optional(),
});

const editSchema = z.object({
  chat_id: chatIdSchema.optional(),
  message_id: intSchema.optional(),
  inline_message_id: z.string().optional(),
  text: z.string().optional(),
  parse_mode: z.string().optional(),
  reply_markup: z.unknown().optional(),
});

const inlineKeyboardSchema = z.object({
  inline_keyboard: z.array(z.array(z.object({ text: z.string(), callback_data: z.string().optional() }))),
});

function render(text: string | undefined, parseMode: string | undefined): MarkupResult {
  if (text === undefined || text.length === 0) return { ok: false, error: 'message text is empty' };
  const mode = parseMode?.toLowerCase() ?? '';
  let parsed: MarkupResult;
  if (mode === '' || mode === 'markdown') parsed = { ok: true, text };
  else if (mode === 'html') parsed = checkHtml(text);
  else if (mode === 'markdownv2') parsed = checkMarkdownV2(text);
  else return { ok: false, error: 'unsupported parse_mode' };
  if (!parsed.ok) return { ok: false, error: `can't parse entities: ${parsed.error}` };
  if (parsed.text.trim().length === 0) return { ok: false, error: 'message text is empty' };
  if (parsed.text.length > MAX_MESSAGE_LENGTH) return { ok: false, error: 'message is too long' };
  return parsed;
}

function checkMarkup(markup: unknown): string | undefined {
  const keyboard = inlineKeyboardSchema.safeParse(markup);
  if (!keyboard.success) return undefined;
  const tooLong = keyboard.data.inline_keyboard
    .flat()
    .some((button) => Buffer.byteLength(button.callback_data ?? '', 'utf8') > 64);
  return tooLong ? 'BUTTON_DATA_INVALID' : undefined;
}

function chatObject(chatId: number | string) {
  if (typeof chatId === 'string') {
    return { id: -1001000000001, title: chatId.slice(1), username: chatId.slice(1), type: 'channel' };
  }
  if (chatId === telegramPeople.privateChat.id) return telegramPeople.privateChat;
  if (chatId > 0) return { id: chatId, first_name: 'User', type: 'private' };
  return { id: chatId, title: telegramPeople.supergroup.title, type: 'supergroup' };
}

function messageObject(message: SentMessage) {
  const hasKeyboard = inlineKeyboardSchema.safeParse(message.reply_markup).success;
  return {
    message_id: message.message_id,
    from: telegramPeople.bot,
    chat: chatObject(message.chat_id),
    date: Math.floor(Date.now() / 1000),
    ...(message.edited ? { edit_date: Math.floor(Date.now() / 1000) } : {}),
    text: message.plain_text,
    ...(hasKeyboard ? { reply_markup: message.reply_markup } : {}),
  };
}

export interface MessageStore {
  readonly sent: SentMessage[];
  readonly blocked: Set<string>;
  send(params: Record<string, unknown>): FakeResponse;
  edit(params: Record<string, unknown>, markupOnly: boolean): FakeResponse;
}

export function createMessageStore(firstMessageId = 100): MessageStore {
  const sent: SentMessage[] = [];
  const blocked = new Set<string>();
  let nextId = firstMessageId;

  return {
    sent,
    blocked,
    send(params) {
      const parsed = sendSchema.safeParse(params);
      if (!parsed.success) return badRequest('chat_id is empty');
      const p = parsed.data;
      if (blocked.has(String(p.chat_id))) return errorResponse(403, 'Forbidden: bot was blocked by the user');
      const rendered = render(p.text, p.parse_mode);
      if (!rendered.ok) return badRequest(rendered.error);
      const markupError = checkMarkup(p.reply_markup);
      if (markupError) return badRequest(markupError);
      const message: SentMessage = {
        chat_id: p.chat_id,
        message_id: nextId++,
        text: p.text ?? '',
        plain_text: rendered.text,
        edited: false,
      };
      if (p.parse_mode !== undefined) message.parse_mode = p.parse_mode;
      if (p.reply_markup !== undefined) message.reply_markup = p.reply_markup;
      const replyTo = p.reply_parameters?.message_id ?? p.reply_to_message_id;
      if (replyTo !== undefined) message.reply_to_message_id = replyTo;
      sent.push(message);
      return okResponse(messageObject(message));
    },
    edit(params, markupOnly) {
      const parsed = editSchema.safeParse(params);
      if (!parsed.success) return badRequest('message identifier is not specified');
      const p = parsed.data;
      if (p.inline_message_id !== undefined) return okResponse(true);
      const message = sent.find(
        (m) => String(m.chat_id) === String(p.chat_id) && m.message_id === p.message_id,
      );
      if (!message) return badRequest('message to edit not found');
      const rendered = markupOnly
        ? { ok: true as const, text: message.plain_text }
        : render(p.text, p.parse_mode);
      if (!rendered.ok) return badRequest(rendered.error);
      const markupError = checkMarkup(p.reply_markup);
      if (markupError) return badRequest(markupError);
      const sameMarkup = JSON.stringify(p.reply_markup) === JSON.stringify(message.reply_markup);
      if (rendered.text === message.plain_text && sameMarkup) {
        return badRequest(
          'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
        );
      }
      if (!markupOnly) {
        message.text = p.text ?? '';
        message.plain_text = rendered.text;
        if (p.parse_mode === undefined) delete message.parse_mode;
        else message.parse_mode = p.parse_mode;
      }
      if (p.reply_markup === undefined) delete message.reply_markup;
      else message.reply_markup = p.reply_markup;
      message.edited = true;
      return okResponse(messageObject(message));
    },
  };
}
