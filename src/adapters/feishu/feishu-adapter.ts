/**
 * The Feishu (Lark) implementation of the chat port, on @larksuiteoapi/node-sdk. Events arrive
 * over the SDK's long connection (no public URL) through one EventDispatcher: messages, reactions
 * and card button callbacks. Digest items are interactive cards with 👍/👎 buttons; other text is
 * sent as rich-text posts, split to stay under Feishu's size limit. API calls retry 429/5xx through
 * the app's retry helper, and a rejected cached tenant token is dropped and fetched again once.
 */
import * as lark from '@larksuiteoapi/node-sdk';
import { z } from 'zod';
import type {
  Alert,
  ChatAdapter,
  ChatEventHandler,
  ChatMessage,
  DigestItem,
  SentMessage,
} from '../../chat/chat-adapter.ts';
import { alertMessage } from '../../chat/message-format.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../log/logger.ts';

import { createLongConnectionSource, type FeishuEventSource } from './event-source.ts';
import { createFeishuCaller, DEFAULT_FEISHU_RETRY, type FeishuRetryOptions } from './feishu-caller.ts';
import { FeishuApiError } from './feishu-errors.ts';
import { feishuEventHandles } from './feishu-events.ts';
import { larkLogger } from './lark-logger.ts';
import { renderDigestCard, renderPosts } from './render-card.ts';

export type { FeishuRetryOptions } from './feishu-caller.ts';

/** From the FEISHU_APP_ID / FEISHU_APP_SECRET secrets and config.chat.feishu.domain. */
export interface FeishuAdapterOptions {
  appId: string;
  appSecret: string;
  /** Full URL: https://open.feishu.cn (Feishu) or https://open.larksuite.com (Lark). */
  domain: string;
  /** The bot's open_id; without it any @-mention in a group message counts as addressing the bot. */
  botOpenId?: string | undefined;
  retry?: FeishuRetryOptions;
}

export interface FeishuAdapterDeps {
  logger: Logger;
  clock: Clock;
  /** Default: the SDK's long connection (WSClient). Tests pass a direct source. */
  eventSource?: FeishuEventSource;
}

type ReceiveIdType = 'open_id' | 'union_id' | 'chat_id';
const receiveIdType = (id: string): ReceiveIdType =>
  id.startsWith('ou_') ? 'open_id' : id.startsWith('on_') ? 'union_id' : 'chat_id';

const sentData = z.looseObject({ message_id: z.string(), chat_id: z.string().optional() });
const itemsData = z.looseObject({ items: z.array(z.looseObject({ chat_id: z.string() })) });
const KNOWN_MESSAGES = 10_000;

export function createFeishuAdapter(deps: FeishuAdapterDeps, options: FeishuAdapterOptions): ChatAdapter {
  const logger = deps.logger.child({ adapter: 'feishu' });
  const cache = new lark.DefaultCache();
  const sdkLogger = larkLogger(logger);
  const client = new lark.Client({
    appId: options.appId,
    appSecret: options.appSecret,
    domain: options.domain,
    cache,
    logger: sdkLogger,
  });
  const source =
    deps.eventSource ??
    createLongConnectionSource({
      appId: options.appId,
      appSecret: options.appSecret,
      domain: options.domain,
      logger: sdkLogger,
    });
  const chats = new Map<string, string>();
  const call = createFeishuCaller({ cache, logger, retry: options.retry ?? DEFAULT_FEISHU_RETRY });

  function remember(messageId: string, chatId: string): void {
    chats.set(messageId, chatId);
    if (chats.size > KNOWN_MESSAGES) chats.delete(chats.keys().next().value ?? '');
  }

  async function create(
    operation: string,
    chatId: string,
    msgType: string,
    content: unknown,
  ): Promise<SentMessage> {
    const data = sentData.safeParse(
      await call(operation, () =>
        client.im.message.create({
          params: { receive_id_type: receiveIdType(chatId) },
          data: { receive_id: chatId, msg_type: msgType, content: JSON.stringify(content) },
        }),
      ),
    );
    if (!data.success) throw new FeishuApiError(operation, 'the answer has no message_id');
    const chat = data.data.chat_id ?? chatId;
    remember(data.data.message_id, chat);
    return { platform: 'feishu', chatId: chat, messageId: data.data.message_id };
  }

  async function sendPosts(operation: string, chatId: string, message: ChatMessage): Promise<SentMessage[]> {
    const sent: SentMessage[] = [];
    for (const post of renderPosts(message)) sent.push(await create(operation, chatId, 'post', post));
    return sent;
  }

  async function reply(messageId: string, message: ChatMessage): Promise<void> {
    for (const post of renderPosts(message)) {
      await call('reply', () =>
        client.im.message.reply({
          path: { message_id: messageId },
          data: { msg_type: 'post', content: JSON.stringify(post) },
        }),
      );
    }
  }

  async function chatOf(messageId: string): Promise<string> {
    const known = chats.get(messageId);
    if (known !== undefined) return known;
    try {
      const data = itemsData.safeParse(
        await call('look up message', () => client.im.message.get({ path: { message_id: messageId } })),
      );
      const chat = data.success ? data.data.items[0]?.chat_id : undefined;
      if (chat !== undefined) remember(messageId, chat);
      return chat ?? '';
    } catch (error) {
      logger.warn(
        { error: error instanceof Error ? error.message : String(error) },
        'feishu: cannot find the chat of a reacted message',
      );
      return '';
    }
  }

  return {
    platform: 'feishu',
    async start(handler: ChatEventHandler) {
      const handles = feishuEventHandles({
        handler,
        logger,
        botOpenId: options.botOpenId,
        now: () => deps.clock.now().toISOString(),
        reply,
        chatOf,
      });
      await source.start(new lark.EventDispatcher({ logger: sdkLogger }).register(handles));
    },
    stop: () => source.stop(),
    sendDigestItem: (chatId: string, item: DigestItem) =>
      create('send digest item', chatId, 'interactive', renderDigestCard(item, { feedbackButtons: true })),
    sendMessage: (chatId: string, message: ChatMessage) => sendPosts('send message', chatId, message),
    sendAlert: (chatId: string, alert: Alert) => sendPosts('send alert', chatId, alertMessage(alert)),
  };
}
