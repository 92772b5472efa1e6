/**
 * Event payloads (schema 2.0) built from the recorded fixtures, to feed `lark.EventDispatcher`'s
 * `invoke` the way its HTTP adapters do, plus the encryption and request signing Feishu applies when
 * an Encrypt Key is configured.
 */
import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { readFixture } from '../fixtures.ts';

const eventSchema = z.looseObject({
  schema: z.literal('2.0'),
  header: z.looseObject({ event_id: z.string(), event_type: z.string(), create_time: z.string() }),
  event: z.record(z.string(), z.unknown()),
});

export type FeishuEvent = z.infer<typeof eventSchema>;

function fromFixture(name: string, eventType: string, event: Record<string, unknown>): FeishuEvent {
  const base = eventSchema.parse(readFixture(`feishu/${name}`));
  return {
    ...base,
    header: {
      ...base.header,
      event_id: randomBytes(16).toString('hex'),
      event_type: eventType,
      create_time: String(Date.now()),
    },
    event: { ...base.event, ...event },
  };
}

export interface MessageEventOptions {
  text?: string;
  chatId?: string;
  chatType?: 'p2p' | 'group';
  messageId?: string;
  senderOpenId?: string;
}

/** im.message.receive_v1: a text message sent to the bot (mentions kept from the fixture in groups). */
export function messageReceiveEvent(options: MessageEventOptions = {}): FeishuEvent {
  const base = eventSchema.parse(readFixture('feishu/event_im.message.receive_v1_doc.json'));
  const message = z.record(z.string(), z.unknown()).parse(base.event.message);
  const chatType = options.chatType ?? 'group';
  const { root_id: _root, parent_id: _parent, thread_id: _thread, ...rest } = message;
  return fromFixture('event_im.message.receive_v1_doc.json', 'im.message.receive_v1', {
    sender: {
      sender_id: {
        open_id: options.senderOpenId ?? 'ou_84aad35d084aa403a838cf73ee18467',
        user_id: 'e33ggbyz',
      },
      sender_type: 'user',
      tenant_key: '736588c9260f175e',
    },
    message: {
      ...rest,
      ...(chatType === 'p2p' ? { mentions: [] } : {}),
      message_id: options.messageId ?? `om_${randomBytes(16).toString('hex')}`,
      chat_id: options.chatId ?? 'oc_5ce6d572455d361153b7xx51da133945',
      chat_type: chatType,
      message_type: 'text',
      content: JSON.stringify({ text: options.text ?? '@_user_1 /search llm agents' }),
      create_time: String(Date.now()),
    },
  });
}

export interface ReactionEventOptions {
  messageId?: string;
  emojiType?: string;
  operatorOpenId?: string;
}

function reactionEvent(eventType: string, options: ReactionEventOptions): FeishuEvent {
  return fromFixture('event_im.message.reaction.created_v1_doc.json', eventType, {
    message_id: options.messageId ?? 'om_dc13264520392913993dd051dba21dcf',
    reaction_type: { emoji_type: options.emojiType ?? 'THUMBSUP' },
    operator_type: 'user',
    user_id: {
      union_id: 'on_8ed6aa67826108097d9ee143816345',
      user_id: 'e33ggbyz',
      open_id: options.operatorOpenId ?? 'ou_84aad35d084aa403a838cf73ee18467',
    },
    action_time: String(Date.now()),
  });
}

export const reactionCreatedEvent = (options: ReactionEventOptions = {}): FeishuEvent =>
  reactionEvent('im.message.reaction.created_v1', options);

/** im.message.reaction.deleted_v1 has the same body as created_v1. */
export const reactionDeletedEvent = (options: ReactionEventOptions = {}): FeishuEvent =>
  reactionEvent('im.message.reaction.deleted_v1', options);

/** `{encrypt}`: AES-256-CBC with key sha256(encryptKey), a random IV prepended, base64. */
export function encryptFeishuEvent(encryptKey: string, payload: unknown): { encrypt: string } {
  const key = createHash('sha256').update(encryptKey).digest();
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(payload), 'utf8'), cipher.final()]);
  return { encrypt: Buffer.concat([iv, encrypted]).toString('base64') };
}

export interface FeishuEventHeaders {
  'x-lark-request-timestamp': string;
  'x-lark-request-nonce': string;
  'x-lark-signature': string;
}

/** x-lark-signature = hex sha256(timestamp + nonce + encryptKey + rawBody). */
export function signFeishuEvent(
  encryptKey: string,
  rawBody: string,
  timestamp = String(Math.floor(Date.now() / 1000)),
): FeishuEventHeaders {
  const nonce = randomBytes(8).toString('hex');
  const signature = createHash('sha256')
    .update(timestamp + nonce + encryptKey + rawBody)
    .digest('hex');
  return {
    'x-lark-request-timestamp': timestamp,
    'x-lark-request-nonce': nonce,
    'x-lark-signature': signature,
  };
}

/**
 * What the SDK's HTTP adapters pass to `dispatcher.invoke`: the parsed body with the request
 * headers on its prototype, so `data.headers` is readable but not part of JSON.stringify(data).
 */
export function dispatcherInput(
  body: Record<string, unknown>,
  headers: FeishuEventHeaders,
): Record<string, unknown> {
  const input: Record<string, unknown> = Object.setPrototypeOf({ ...body }, { headers });
  return input;
}
