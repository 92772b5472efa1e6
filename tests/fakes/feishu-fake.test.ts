import * as lark from '@larksuiteoapi/node-sdk';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dispatcherInput,
  encryptFeishuEvent,
  messageReceiveEvent,
  reactionCreatedEvent,
  signFeishuEvent,
} from './feishu/events.ts';
import { type FeishuFake, signFeishuWebhook, startFeishuFake } from './feishu-fake.ts';
import { readFixture } from './fixtures.ts';

const APP_ID = 'cli_9f5343c580712544';
const APP_SECRET = 'dskLLdkasdjlasdKK';
const CHAT = 'oc_5ad11d72b830411d72b836c20';

const silent: lark.Logger = {
  error: () => undefined,
  warn: () => undefined,
  info: () => undefined,
  debug: () => undefined,
  trace: () => undefined,
};

let fake: FeishuFake;

beforeEach(async () => {
  fake = await startFeishuFake({ appId: APP_ID, appSecret: APP_SECRET });
});

afterEach(async () => {
  await fake.close();
});

/** A fresh token cache per client: the SDK's default cache is shared by every Client in the process. */
function client(appSecret = APP_SECRET): lark.Client {
  return new lark.Client({
    appId: APP_ID,
    appSecret,
    domain: fake.url,
    cache: new lark.DefaultCache(),
    logger: silent,
  });
}

const textContent = (text: string): string => JSON.stringify({ text });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (e: unknown) => e,
  );
}

describe('feishu fake with the real lark Client', () => {
  it('fetches a tenant access token first, then sends a text message with it', async () => {
    const larkClient = client();
    const res = await larkClient.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: CHAT, msg_type: 'text', content: textContent('New papers today') },
    });
    await larkClient.im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: CHAT, msg_type: 'text', content: textContent('and one more') },
    });

    expect(res.code).toBe(0);
    expect(res.data?.message_id).toMatch(/^om_/);
    expect(res.data).toMatchObject({
      chat_id: CHAT,
      msg_type: 'text',
      sender: { id: APP_ID, sender_type: 'app' },
    });
    expect(fake.requests.map((r) => r.path)).toEqual([
      '/open-apis/auth/v3/tenant_access_token/internal',
      '/open-apis/im/v1/messages',
      '/open-apis/im/v1/messages',
    ]);
    expect(fake.requests[0]?.json).toEqual({ app_id: APP_ID, app_secret: APP_SECRET });
    expect(fake.requests[1]?.headers.authorization).toBe(`Bearer ${fake.tokensIssued()[0]}`);
    expect(fake.sentMessages().map((m) => m.body)).toEqual([
      { text: 'New papers today' },
      { text: 'and one more' },
    ]);
  });

  it('sends an interactive card', async () => {
    const fixture = readFixture('feishu/custom_bot_webhook_interactive_request_CONSTRUCTED.json');
    const card =
      typeof fixture === 'object' && fixture !== null && 'card' in fixture ? fixture.card : undefined;
    await client().im.message.create({
      params: { receive_id_type: 'chat_id' },
      data: { receive_id: CHAT, msg_type: 'interactive', content: JSON.stringify(card) },
    });
    expect(fake.sentMessages()).toEqual([expect.objectContaining({ msg_type: 'interactive', body: card })]);
  });

  it('fails with the API code and message when the app secret is wrong, before any API call', async () => {
    const error = await failure(
      client('wrong-secret').im.message.create({
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: CHAT, msg_type: 'text', content: textContent('hi') },
      }),
    );
    expect(error).toBeInstanceOf(Error);
    expect(String(error)).toContain(
      'failed to get tenant_access_token, code: 10014, msg: app secret invalid',
    );
    expect(fake.calls('/open-apis/im/v1/messages')).toHaveLength(0);
  });

  it('throws an axios error carrying Feishu code and msg for a 400, and does not retry a 429', async () => {
    const bad = await failure(
      client().im.message.create({
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: CHAT, msg_type: 'text', content: 'not json' },
      }),
    );
    expect(bad).toMatchObject({ response: { status: 400, data: { code: 230001 } } });

    fake.rateLimit('/im/v1/messages');
    const limited = await failure(
      client().im.message.create({
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: CHAT, msg_type: 'text', content: textContent('hi') },
      }),
    );
    expect(limited).toMatchObject({
      response: { status: 429, data: { code: 99991400 }, headers: { 'x-ogw-ratelimit-reset': '1' } },
    });
    expect(fake.calls('/open-apis/im/v1/messages')).toHaveLength(2);
  });

  it('keeps using a cached token the server no longer accepts (the app must recover)', async () => {
    const larkClient = client();
    const send = () =>
      larkClient.im.message.create({
        params: { receive_id_type: 'chat_id' },
        data: { receive_id: CHAT, msg_type: 'text', content: textContent('hi') },
      });
    await send();
    fake.revokeTokens();
    expect(await failure(send())).toMatchObject({ response: { status: 400, data: { code: 99991663 } } });
    expect(fake.tokensIssued()).toHaveLength(1);
  });

  it('replies to a message and adds a reaction', async () => {
    const larkClient = client();
    const reply = await larkClient.im.message.reply({
      path: { message_id: 'om_5ce6d572455d361153b7cb51da133945' },
      data: { msg_type: 'text', content: textContent('on it') },
    });
    await larkClient.im.messageReaction.create({
      path: { message_id: 'om_5ce6d572455d361153b7cb51da133945' },
      data: { reaction_type: { emoji_type: 'THUMBSUP' } },
    });
    expect(reply.data).toMatchObject({ parent_id: 'om_5ce6d572455d361153b7cb51da133945' });
    expect(fake.reactions()).toEqual([
      expect.objectContaining({ message_id: 'om_5ce6d572455d361153b7cb51da133945', emoji_type: 'THUMBSUP' }),
    ]);
  });
});

describe('feishu events through lark.EventDispatcher.invoke', () => {
  it('calls the registered handler with the flattened header and event fields', async () => {
    const reactions = vi.fn();
    const messages = vi.fn();
    const dispatcher = new lark.EventDispatcher({ logger: silent }).register({
      'im.message.reaction.created_v1': reactions,
      'im.message.receive_v1': messages,
    });

    await dispatcher.invoke(reactionCreatedEvent({ messageId: 'om_abc', emojiType: 'FIRE' }));
    await dispatcher.invoke(messageReceiveEvent({ text: '/search agents', chatType: 'p2p' }));

    expect(reactions).toHaveBeenCalledWith(
      expect.objectContaining({
        event_type: 'im.message.reaction.created_v1',
        message_id: 'om_abc',
        reaction_type: { emoji_type: 'FIRE' },
        app_id: 'cli_9f53******712544',
      }),
    );
    expect(messages).toHaveBeenCalledWith(
      expect.objectContaining({
        message: expect.objectContaining({
          chat_type: 'p2p',
          content: JSON.stringify({ text: '/search agents' }),
        }),
      }),
    );
  });

  it('with an Encrypt Key, decrypts a signed event and ignores one whose signature does not match', async () => {
    const encryptKey = 'fake-encrypt-key';
    const handler = vi.fn();
    const dispatcher = new lark.EventDispatcher({ encryptKey, logger: silent }).register({
      'im.message.reaction.created_v1': handler,
    });
    const body = encryptFeishuEvent(encryptKey, reactionCreatedEvent({ emojiType: 'OK' }));
    const raw = JSON.stringify(body);

    await dispatcher.invoke(dispatcherInput(body, signFeishuEvent(encryptKey, raw)));
    const forged = await dispatcher.invoke(dispatcherInput(body, signFeishuEvent('other-key', raw)));

    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ reaction_type: { emoji_type: 'OK' } }));
    expect(forged).toBeUndefined();
  });
});

describe('feishu custom-bot webhook', () => {
  async function post(url: string, body: unknown): Promise<unknown> {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    return response.json();
  }

  it('accepts a correctly signed message and rejects a wrong or stale signature', async () => {
    const url = fake.addWebhook('hook-token', { secret: 'hook-secret' });
    const timestamp = Math.floor(Date.now() / 1000);
    const text = readFixture('feishu/custom_bot_webhook_text_request_doc.json');
    const content = typeof text === 'object' && text !== null ? text : {};

    const accepted = await post(url, {
      ...content,
      timestamp: String(timestamp),
      sign: signFeishuWebhook('hook-secret', timestamp),
    });
    const wrong = await post(url, {
      ...content,
      timestamp: String(timestamp),
      sign: signFeishuWebhook('nope', timestamp),
    });
    const stale = await post(url, {
      ...content,
      timestamp: String(timestamp - 7200),
      sign: signFeishuWebhook('hook-secret', timestamp - 7200),
    });

    expect(accepted).toEqual(readFixture('feishu/custom_bot_webhook_response_success_doc.json'));
    expect(wrong).toEqual(readFixture('feishu/custom_bot_webhook_response_sign_fail.json'));
    expect(stale).toEqual(readFixture('feishu/custom_bot_webhook_response_sign_fail.json'));
    expect(fake.webhookDeliveries()).toHaveLength(1);
  });

  it('answers HTTP 200 with an error code for an unknown token, a bad body and a missing keyword', async () => {
    const url = fake.addWebhook('keyword-hook', { keywords: ['papers'] });
    expect(
      await post(`${fake.url}/open-apis/bot/v2/hook/unknown`, { msg_type: 'text', content: { text: 'x' } }),
    ).toMatchObject({
      code: 19001,
    });
    expect(await post(url, { content: { text: 'no msg_type' } })).toEqual(
      readFixture('feishu/custom_bot_webhook_response_bad_request_doc.json'),
    );
    expect(await post(url, { msg_type: 'text', content: { text: 'hello' } })).toEqual(
      readFixture('feishu/custom_bot_webhook_response_keyword_fail_doc.json'),
    );
    expect(await post(url, { msg_type: 'text', content: { text: 'new papers' } })).toMatchObject({ code: 0 });
  });
});
