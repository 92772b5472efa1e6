/**
 * im/v1 messages as the bot sends them: create (with receive_id_type), reply and reactions.
 * `content` must be a JSON string whose shape fits `msg_type` (text needs `text`, interactive
 * needs a card with `elements`, a template or a 2.0 `body`); otherwise 400 with code 230001.
 */
import { z } from 'zod';
import type { FakeResponse } from '../fake-server.ts';
import { ERRORS, randomId, success } from './open-api.ts';

export interface FeishuMessage {
  message_id: string;
  chat_id: string;
  receive_id?: string;
  receive_id_type?: string;
  msg_type: string;
  /** The JSON string as sent. */
  content: string;
  /** `content`, parsed. */
  body: unknown;
  parent_id?: string;
  root_id?: string;
  reply_in_thread?: boolean;
}

export interface FeishuReaction {
  message_id: string;
  reaction_id: string;
  emoji_type: string;
}

const RECEIVE_ID_TYPES = ['open_id', 'user_id', 'union_id', 'email', 'chat_id'] as const;
const ID_PREFIX: Record<string, string> = { open_id: 'ou_', union_id: 'on_', chat_id: 'oc_' };

const createSchema = z.object({ receive_id: z.string().min(1), msg_type: z.string(), content: z.string() });
const replySchema = z.object({
  msg_type: z.string(),
  content: z.string(),
  reply_in_thread: z.boolean().optional(),
});
const reactionSchema = z.object({ reaction_type: z.object({ emoji_type: z.string() }) });

const contentSchemas: Record<string, z.ZodType> = {
  text: z.object({ text: z.string().min(1) }),
  post: z.record(z.string(), z.unknown()),
  image: z.object({ image_key: z.string() }),
  file: z.object({ file_key: z.string() }),
  share_chat: z.object({ chat_id: z.string() }),
  interactive: z.union([
    z.looseObject({ elements: z.array(z.unknown()) }),
    z.looseObject({ type: z.literal('template'), data: z.unknown() }),
    z.looseObject({ schema: z.literal('2.0'), body: z.unknown() }),
  ]),
};

function parseContent(msgType: string, content: string): { ok: true; body: unknown } | { ok: false } {
  const schema = contentSchemas[msgType];
  if (!schema) return { ok: false };
  try {
    const body: unknown = JSON.parse(content);
    return schema.safeParse(body).success ? { ok: true, body } : { ok: false };
  } catch {
    return { ok: false };
  }
}

export interface MessageStore {
  readonly sent: FeishuMessage[];
  readonly reactions: FeishuReaction[];
  create(receiveIdType: string | null, data: unknown): FakeResponse;
  reply(messageId: string, data: unknown): FakeResponse;
  react(messageId: string, data: unknown): FakeResponse;
  /** GET im/v1/messages/:id — `data.items` holds the message. */
  get(messageId: string): FakeResponse;
}

export function createMessageStore(sender: { appId: string; tenantKey: string }): MessageStore {
  const sent: FeishuMessage[] = [];
  const reactions: FeishuReaction[] = [];

  const view = (m: FeishuMessage) => {
    const now = String(Date.now());
    return {
      message_id: m.message_id,
      ...(m.root_id ? { root_id: m.root_id } : {}),
      ...(m.parent_id ? { parent_id: m.parent_id } : {}),
      msg_type: m.msg_type,
      create_time: now,
      update_time: now,
      deleted: false,
      updated: false,
      chat_id: m.chat_id,
      sender: { id: sender.appId, id_type: 'app_id', sender_type: 'app', tenant_key: sender.tenantKey },
      body: { content: m.content },
    };
  };

  return {
    sent,
    reactions,
    create(receiveIdType, data) {
      const idType = RECEIVE_ID_TYPES.find((t) => t === receiveIdType);
      if (!idType) return ERRORS.fieldValidation();
      const parsed = createSchema.safeParse(data);
      if (!parsed.success) return ERRORS.fieldValidation();
      const prefix = ID_PREFIX[idType];
      if (prefix && !parsed.data.receive_id.startsWith(prefix)) return ERRORS.invalidParam();
      const content = parseContent(parsed.data.msg_type, parsed.data.content);
      if (!content.ok) return ERRORS.invalidParam();
      const message: FeishuMessage = {
        message_id: randomId('om_'),
        chat_id: idType === 'chat_id' ? parsed.data.receive_id : randomId('oc_', 12),
        receive_id: parsed.data.receive_id,
        receive_id_type: idType,
        msg_type: parsed.data.msg_type,
        content: parsed.data.content,
        body: content.body,
      };
      sent.push(message);
      return success(view(message));
    },
    reply(messageId, data) {
      if (!messageId.startsWith('om_')) return ERRORS.invalidParam();
      const parsed = replySchema.safeParse(data);
      if (!parsed.success) return ERRORS.fieldValidation();
      const content = parseContent(parsed.data.msg_type, parsed.data.content);
      if (!content.ok) return ERRORS.invalidParam();
      const parent = sent.find((m) => m.message_id === messageId);
      const message: FeishuMessage = {
        message_id: randomId('om_'),
        chat_id: parent?.chat_id ?? randomId('oc_', 12),
        msg_type: parsed.data.msg_type,
        content: parsed.data.content,
        body: content.body,
        parent_id: messageId,
        root_id: parent?.root_id ?? messageId,
      };
      if (parsed.data.reply_in_thread !== undefined) message.reply_in_thread = parsed.data.reply_in_thread;
      sent.push(message);
      return success(view(message));
    },
    get(messageId) {
      const message = sent.find((m) => m.message_id === messageId);
      return message ? success({ items: [view(message)] }) : ERRORS.invalidParam();
    },
    react(messageId, data) {
      if (!messageId.startsWith('om_')) return ERRORS.invalidParam();
      const parsed = reactionSchema.safeParse(data);
      if (!parsed.success) return ERRORS.fieldValidation();
      const emojiType = parsed.data.reaction_type.emoji_type;
      if (!/^[A-Za-z][A-Za-z_]*$/.test(emojiType)) return ERRORS.invalidReaction();
      const reaction = { message_id: messageId, reaction_id: randomId('ZCa', 20), emoji_type: emojiType };
      reactions.push(reaction);
      return success({
        reaction_id: reaction.reaction_id,
        operator: { operator_id: sender.appId, operator_type: 'app' },
        action_time: String(Date.now()),
        reaction_type: { emoji_type: emojiType },
      });
    },
  };
}
