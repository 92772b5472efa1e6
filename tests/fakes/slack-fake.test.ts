import { App, type Logger, LogLevel, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFixture } from './fixtures.ts';
import { appMentionEvent, reactionAddedEvent } from './slack/events.ts';
import { type SlackFake, signSlackRequest, startSlackFake } from './slack-fake.ts';

const { WebClient, ErrorCode, WebClientEvent } = webApi;
const SIGNING_SECRET = 'fake-signing-secret';

const silent: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  setLevel: () => undefined,
  getLevel: () => LogLevel.ERROR,
  setName: () => undefined,
};

let fake: SlackFake;

beforeEach(async () => {
  fake = await startSlackFake();
});

afterEach(async () => {
  await fake.close();
});

function client(options: ConstructorParameters<typeof WebClient>[1] = {}) {
  return new WebClient(fake.botToken, { slackApiUrl: fake.apiUrl, logger: silent, ...options });
}

describe('slack fake with the real WebClient', () => {
  it('posts a message, form-encoded with a Bearer token, and answers with ts/channel/message', async () => {
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*New papers*' } }];
    const result = await client().chat.postMessage({ channel: 'C123ABC456', text: 'New papers', blocks });

    expect(result).toMatchObject({
      ok: true,
      channel: 'C123ABC456',
      message: { text: 'New papers', bot_id: 'B0BOT' },
    });
    expect(result.ts).toMatch(/^\d+\.\d{6}$/);
    expect(fake.postedMessages()).toEqual([
      { channel: 'C123ABC456', ts: result.ts, text: 'New papers', blocks, updated: false },
    ]);
    const [request] = fake.calls('chat.postMessage');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers.authorization).toBe(`Bearer ${fake.botToken}`);
  });

  it('waits Retry-After seconds and retries a 429 by itself', async () => {
    fake.rateLimit('chat.postMessage', 1);
    const web = client({ retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 } });
    const rateLimited = vi.fn();
    web.on(WebClientEvent.RATE_LIMITED, rateLimited);

    const started = Date.now();
    const result = await web.chat.postMessage({ channel: 'C123ABC456', text: 'hello' });

    expect(result.ok).toBe(true);
    expect(fake.calls('chat.postMessage')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(rateLimited).toHaveBeenCalledWith(
      1,
      expect.objectContaining({ url: expect.stringContaining('chat.postMessage') }),
    );
  });

  it('rejects rate-limited calls at once with rejectRateLimitedCalls', async () => {
    fake.rateLimit('chat.postMessage', 30);
    const error: unknown = await client({ rejectRateLimitedCalls: true })
      .chat.postMessage({ channel: 'C123ABC456', text: 'hello' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.RateLimitedError, retryAfter: 30 });
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it('retries a 5xx under its retryConfig', async () => {
    fake.inject({
      fault: { kind: 'status', status: 503, body: 'upstream' },
      match: (r) => r.path.endsWith('auth.test'),
    });
    const web = client({ retryConfig: { retries: 1, factor: 1, minTimeout: 10, maxTimeout: 10 } });
    await expect(web.auth.test()).resolves.toMatchObject({ ok: true, user_id: fake.botUserId });
    expect(fake.calls('auth.test')).toHaveLength(2);
  });

  it('surfaces not_in_channel as a platform error, without retrying', async () => {
    const error: unknown = await client()
      .chat.postMessage({ channel: 'C0NOTIN01', text: 'hello' })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: ErrorCode.PlatformError,
      data: { ok: false, error: 'not_in_channel' },
    });
    expect(readFixture('slack/error_not_in_channel.json')).toEqual({ ok: false, error: 'not_in_channel' });
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it('updates a message, adds a reaction and looks up channels and users', async () => {
    const web = client();
    const posted = await web.chat.postMessage({ channel: '#research', text: 'draft' });
    await web.chat.update({ channel: 'C123ABC456', ts: posted.ts ?? '', text: 'final' });
    await web.reactions.add({ channel: 'C123ABC456', timestamp: posted.ts ?? '', name: 'white_check_mark' });
    const duplicate: unknown = await web.reactions
      .add({ channel: 'C123ABC456', timestamp: posted.ts ?? '', name: 'white_check_mark' })
      .catch((e: unknown) => e);

    expect(fake.postedMessages()[0]).toMatchObject({ text: 'final', updated: true });
    expect(fake.reactionsAdded()).toEqual([
      { channel: 'C123ABC456', timestamp: posted.ts, name: 'white_check_mark' },
    ]);
    expect(duplicate).toMatchObject({ data: { error: 'already_reacted' } });
    await expect(web.conversations.info({ channel: 'C0NOTIN01' })).resolves.toMatchObject({
      channel: { name: 'random', is_member: false },
    });
    await expect(web.users.info({ user: 'U123ABC456' })).resolves.toMatchObject({
      user: { real_name: 'Grace Hopper' },
    });
    await expect(
      new WebClient('xoxb-wrong', { slackApiUrl: fake.apiUrl, logger: silent }).auth.test(),
    ).rejects.toMatchObject({
      data: { error: 'invalid_auth' },
    });
  });
});

describe('slack fake with a Bolt App', () => {
  function boltApp(options: { socketMode?: boolean } = {}) {
    return new App({
      token: fake.botToken,
      signingSecret: SIGNING_SECRET,
      tokenVerificationEnabled: false,
      clientOptions: { slackApiUrl: fake.apiUrl },
      logger: silent,
      ...(options.socketMode ? { socketMode: true, appToken: fake.appToken } : {}),
    });
  }

  async function post(url: string, body: string, headers: Record<string, string>) {
    return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  }

  it('in HTTP mode, runs the handler for a signed reaction_added and rejects a bad signature with 401', async () => {
    const app = boltApp();
    const reactions: string[] = [];
    app.event('reaction_added', async ({ event, client: web }) => {
      reactions.push(event.reaction);
      if (event.item.type === 'message') {
        await web.reactions.add({ channel: event.item.channel, timestamp: event.item.ts, name: 'eyes' });
      }
    });
    const server = await app.start({ port: 0, host: '127.0.0.1' });
    const address = server.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/slack/events`;
    try {
      const body = JSON.stringify(reactionAddedEvent({ reaction: 'heart_eyes' }));
      const accepted = await post(url, body, { ...signSlackRequest(SIGNING_SECRET, body) });
      expect(accepted.status).toBe(200);
      await vi.waitFor(() => expect(fake.reactionsAdded()).toHaveLength(1));
      expect(reactions).toEqual(['heart_eyes']);
      expect(fake.calls('auth.test')).toHaveLength(1);

      const forged = await post(url, body, { ...signSlackRequest('another-secret', body) });
      expect(forged.status).toBe(401);
      const stale = await post(url, body, {
        ...signSlackRequest(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 600),
      });
      expect(stale.status).toBe(401);
      expect(reactions).toHaveLength(1);

      const challenge = JSON.stringify(readFixture('slack/url_verification_request_doc.json'));
      const verified = await post(url, challenge, { ...signSlackRequest(SIGNING_SECRET, challenge) });
      expect(await verified.json()).toEqual(readFixture('slack/url_verification_response_doc.json'));
    } finally {
      await app.stop();
    }
  });

  it('in Socket Mode, connects through apps.connections.open, receives an envelope and acks it', async () => {
    const app = boltApp({ socketMode: true });
    app.event('app_mention', async ({ event, say }) => {
      await say(`on it: ${event.text}`);
    });
    await app.start();
    try {
      expect(fake.calls('apps.connections.open')[0]?.headers.authorization).toBe(`Bearer ${fake.appToken}`);
      const event = appMentionEvent({ text: '<@U0BOT> search llm agents' });
      const ack = await fake.socketMode.sendEvent(event);
      expect(ack.envelope_id).toEqual(expect.any(String));
      await vi.waitFor(() => expect(fake.postedMessages()).toHaveLength(1));
      expect(fake.postedMessages()[0]).toMatchObject({
        channel: 'C123ABC456',
        text: 'on it: <@U0BOT> search llm agents',
      });
    } finally {
      await app.stop();
    }
    await vi.waitFor(() => expect(fake.socketMode.connectionCount()).toBe(0));
  });
});
