import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDirectEventSource, type DirectEventSource } from '../src/adapters/feishu/event-source.ts';
import { createFeishuAdapter } from '../src/adapters/feishu/feishu-adapter.ts';
import { FeishuApiError } from '../src/adapters/feishu/feishu-errors.ts';
import { createFeishuWebhookAdapter, FeishuWebhookError } from '../src/adapters/feishu/feishu-webhook.ts';
import { POST_MAX_BYTES } from '../src/adapters/feishu/render-card.ts';
import type { ChatAdapter, ChatEvent, DigestItem } from '../src/chat/chat-adapter.ts';
import { plainMessage } from '../src/chat/message-format.ts';
import { createHttpClient } from '../src/http/http-client.ts';
import { silentLogger } from '../src/log/logger.ts';
import { messageReceiveEvent, reactionCreatedEvent, reactionDeletedEvent } from './fakes/feishu/events.ts';
import { type FeishuFake, startFeishuFake } from './fakes/feishu-fake.ts';

const APP_ID = 'cli_9f5343c580712544';
const APP_SECRET = 'dskLLdkasdjlasdKK';
const CHAT = 'oc_5ad11d72b830411d72b836c20';
const USER = 'ou_84aad35d084aa403a838cf73ee18467';
const clock = { now: () => new Date('2026-11-21T09:00:00.000Z') };
const COMMANDS = [
  'help',
  'search',
  'profile',
  'trends',
  'benchmarks',
  'leaderboard',
  'rank',
  'digest',
  'status',
  'like',
  'dislike',
];

const item: DigestItem = {
  paperId: '2511.01234',
  title: 'Cheap and fast inference',
  tldr: '推测解码 speeds decoding up 2x.',
  tags: ['inference', 'llm-serving'],
  score: 0.8734,
  reason: 'explore',
  reasonText: 'the classifier is unsure',
  links: {
    abs: 'https://arxiv.org/abs/2511.01234',
    pdf: 'https://arxiv.org/pdf/2511.01234',
    notion: 'https://notion.so/p1',
  },
};

let fake: FeishuFake;
let source: DirectEventSource;
let events: ChatEvent[];
let sleeps: number[];
let adapter: ChatAdapter;

function createAdapter(appSecret = APP_SECRET, botOpenId?: string): ChatAdapter {
  return createFeishuAdapter(
    { logger: silentLogger(), clock, eventSource: source },
    {
      appId: APP_ID,
      appSecret,
      domain: fake.url,
      botOpenId,
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 5, sleep: async (ms) => void sleeps.push(ms) },
    },
  );
}

beforeEach(async () => {
  fake = await startFeishuFake({ appId: APP_ID, appSecret: APP_SECRET });
  source = createDirectEventSource();
  events = [];
  sleeps = [];
  adapter = createAdapter();
  await adapter.start(async (event) => {
    events.push(event);
    if (event.kind === 'command')
      await event.reply(plainMessage(`answer to ${event.command} ${event.args}`.trim()));
    if (event.kind === 'button') await event.acknowledge('Noted 👍');
  });
});

afterEach(async () => {
  await adapter.stop();
  await fake.close();
});

const bodyOf = (index: number): unknown => fake.sentMessages()[index]?.body;

describe('feishu adapter: sending', () => {
  it('sends a digest item as an interactive card with title, TL;DR, tags, score, links and 👍/👎 buttons', async () => {
    const sent = await adapter.sendDigestItem(CHAT, item);
    expect(sent).toEqual({ platform: 'feishu', chatId: CHAT, messageId: fake.sentMessages()[0]?.message_id });
    expect(fake.sentMessages()[0]).toMatchObject({ msg_type: 'interactive', receive_id_type: 'chat_id' });
    expect(bodyOf(0)).toMatchObject({
      header: { title: { content: 'Cheap and fast inference' }, template: 'orange' },
      elements: [
        { tag: 'div', text: { content: '推测解码 speeds decoding up 2x.' } },
        { tag: 'div', text: { content: '#inference #llm-serving' } },
        {
          tag: 'note',
          elements: [{ content: 'score 0.87 · explore: the classifier is unsure · 2511.01234' }],
        },
        {
          tag: 'action',
          actions: [{ url: item.links.abs }, { url: item.links.pdf }, { url: item.links.notion }],
        },
        {
          tag: 'action',
          actions: [
            { text: { content: '👍' }, value: { radar_feedback: 'fb:+1:2511.01234' } },
            { text: { content: '👎' }, value: { radar_feedback: 'fb:-1:2511.01234' } },
          ],
        },
      ],
    });
  });

  it('retries a 429 after x-ogw-ratelimit-reset and then succeeds', async () => {
    fake.rateLimit('/im/v1/messages');
    const sent = await adapter.sendMessage(CHAT, plainMessage('hello'));
    expect(sent).toHaveLength(1);
    expect(fake.calls('/open-apis/im/v1/messages')).toHaveLength(2);
    expect(sleeps).toEqual([1000]);
  });

  it('fetches a new tenant token once when the cached one is rejected', async () => {
    await adapter.sendMessage(CHAT, plainMessage('one'));
    fake.revokeTokens();
    await adapter.sendMessage(CHAT, plainMessage('two'));
    expect(fake.tokensIssued()).toHaveLength(2);
    expect(fake.sentMessages().map((m) => m.body)).toEqual([
      { zh_cn: { title: '', content: [[{ tag: 'text', text: 'one' }]] } },
      { zh_cn: { title: '', content: [[{ tag: 'text', text: 'two' }]] } },
    ]);
  });

  it('fails with a FeishuApiError when the app secret is wrong, without retrying', async () => {
    const error = await createAdapter('wrong')
      .sendMessage(CHAT, plainMessage('hi'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeishuApiError);
    expect(String(error)).toContain('app secret invalid');
    expect(fake.calls('/open-apis/im/v1/messages')).toHaveLength(0);
  });

  it('splits a long message into several posts within the size limit', async () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `第${i}段 ${'研究 radar '.repeat(120)}`);
    paragraphs.push('长'.repeat(9000));
    const sent = await adapter.sendMessage(CHAT, plainMessage(...paragraphs));
    const messages = fake.sentMessages();
    expect(sent.length).toBeGreaterThan(2);
    expect(messages).toHaveLength(sent.length);
    for (const m of messages)
      expect(Buffer.byteLength(m.content, 'utf8')).toBeLessThan(POST_MAX_BYTES + 1000);
    const text = messages.map((m) => m.content).join('');
    expect(text).toContain('第59段');
    expect((text.match(/长/g) ?? []).length).toBe(9000);
  });
});

describe('feishu adapter: events through the dispatcher', () => {
  it('turns reaction created / deleted on a digest card into reaction events', async () => {
    const sent = await adapter.sendDigestItem(CHAT, item);
    await source.dispatch(reactionCreatedEvent({ messageId: sent.messageId, emojiType: 'THUMBSUP' }));
    await source.dispatch(reactionDeletedEvent({ messageId: sent.messageId, emojiType: 'HEARTBROKEN' }));
    await source.dispatch(reactionCreatedEvent({ messageId: sent.messageId, emojiType: 'Fire' }));
    expect(events).toEqual([
      {
        kind: 'reaction',
        platform: 'feishu',
        chatId: CHAT,
        userId: USER,
        at: '2026-11-21T09:00:00.000Z',
        messageId: sent.messageId,
        emoji: '👍',
        added: true,
      },
      {
        kind: 'reaction',
        platform: 'feishu',
        chatId: CHAT,
        userId: USER,
        at: '2026-11-21T09:00:00.000Z',
        messageId: sent.messageId,
        emoji: '💔',
        added: false,
      },
      expect.objectContaining({ emoji: '🔥', added: true }),
    ]);
  });

  it('finds the chat of a message it did not send in this process', async () => {
    const earlier = await createAdapter().sendDigestItem(CHAT, item);
    await source.dispatch(reactionCreatedEvent({ messageId: earlier.messageId, emojiType: 'HEART' }));
    expect(events).toEqual([
      expect.objectContaining({ chatId: CHAT, emoji: '❤️', messageId: earlier.messageId }),
    ]);
  });

  it('answers every /command in a direct chat with a reply to the message', async () => {
    for (const name of COMMANDS) {
      await source.dispatch(
        messageReceiveEvent({ text: `/${name} foo`, chatType: 'p2p', messageId: `om_cmd_${name}` }),
      );
    }
    expect(events.map((e) => (e.kind === 'command' ? `${e.command}:${e.args}` : e.kind))).toEqual(
      COMMANDS.map((c) => `${c}:foo`),
    );
    const replies = fake.sentMessages();
    expect(replies).toHaveLength(COMMANDS.length);
    expect(replies[1]).toMatchObject({ parent_id: 'om_cmd_search', msg_type: 'post' });
    expect(JSON.stringify(replies[1]?.body)).toContain('answer to search foo');
  });

  it('takes an @-mention of the bot as a command and ignores plain chatter', async () => {
    await source.dispatch(messageReceiveEvent({ text: '@_user_1 /search llm agents', chatType: 'group' }));
    await source.dispatch(messageReceiveEvent({ text: '@_user_1 trends', chatType: 'group' }));
    await source.dispatch(messageReceiveEvent({ text: 'nice paper', chatType: 'p2p' }));
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'command',
        command: 'search',
        args: 'llm agents',
        userId: USER,
        chatId: 'oc_5ce6d572455d361153b7xx51da133945',
      }),
      expect.objectContaining({ kind: 'command', command: 'trends', args: '' }),
    ]);
  });

  it('with a known bot open_id, a mention of someone else is not a command', async () => {
    await adapter.stop();
    adapter = createAdapter(APP_SECRET, 'ou_the_bot');
    await adapter.start(async (event) => void events.push(event));
    await source.dispatch(messageReceiveEvent({ text: '@_user_1 trends', chatType: 'group' }));
    expect(events).toEqual([]);
  });

  it('turns a 👍 card button callback into a button event and answers with a toast', async () => {
    const sent = await adapter.sendDigestItem(CHAT, item);
    const answer = await source.dispatch({
      schema: '2.0',
      header: {
        event_id: 'e1',
        event_type: 'card.action.trigger',
        create_time: String(Date.now()),
        token: 't',
        app_id: APP_ID,
        tenant_key: 'k',
      },
      event: {
        operator: { open_id: USER, user_id: 'e33ggbyz' },
        token: 'c-1',
        action: { tag: 'button', value: { radar_feedback: 'fb:-1:2511.01234' } },
        host: 'im_message',
        context: { open_message_id: sent.messageId, open_chat_id: CHAT },
      },
    });
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'button',
        paperId: '2511.01234',
        value: -1,
        messageId: sent.messageId,
        chatId: CHAT,
        userId: USER,
      }),
    ]);
    expect(answer).toEqual({ toast: { type: 'success', content: 'Noted 👍' } });
  });
});

describe('feishu webhook-only adapter', () => {
  const http = () => createHttpClient({ retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 5 } });

  it('sends a signed digest card without feedback buttons', async () => {
    const url = fake.addWebhook('hook', { secret: 'hook-secret' });
    const hook = createFeishuWebhookAdapter(
      { http: http(), clock: { now: () => new Date() }, logger: silentLogger() },
      { url, secret: 'hook-secret' },
    );
    await hook.start(async () => undefined);
    await hook.sendDigestItem(CHAT, item);
    const [delivery] = fake.webhookDeliveries();
    expect(delivery?.body).toMatchObject({
      msg_type: 'interactive',
      card: { header: { title: { content: item.title } } },
    });
    expect(JSON.stringify(delivery?.body)).not.toContain('radar_feedback');
  });

  it('rejects a wrong secret with a clear error', async () => {
    const url = fake.addWebhook('hook', { secret: 'hook-secret' });
    const hook = createFeishuWebhookAdapter(
      { http: http(), clock: { now: () => new Date() }, logger: silentLogger() },
      { url, secret: 'wrong' },
    );
    const error = await hook
      .sendAlert(CHAT, {
        kind: 'source',
        component: 'arxiv',
        errorType: 'NetworkError',
        message: 'down',
        at: 'now',
        suppressed: 0,
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FeishuWebhookError);
    expect(String(error)).toContain('code 19021');
    expect(String(error)).toContain('FEISHU_WEBHOOK_SECRET');
    expect(fake.webhookDeliveries()).toHaveLength(0);
  });

  it('splits a long message into several webhook posts', async () => {
    const url = fake.addWebhook('hook');
    const hook = createFeishuWebhookAdapter(
      { http: http(), clock: { now: () => new Date() }, logger: silentLogger() },
      { url },
    );
    const sent = await hook.sendMessage(
      CHAT,
      plainMessage(...Array.from({ length: 40 }, () => 'word '.repeat(200))),
    );
    expect(sent.length).toBeGreaterThan(1);
    expect(new Set(sent.map((s) => s.messageId)).size).toBe(sent.length);
    expect(fake.webhookDeliveries()).toHaveLength(sent.length);
  });
});
