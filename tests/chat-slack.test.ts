import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createSlackAdapter,
  type SlackAdapter,
  type SlackAdapterOptions,
} from '../src/adapters/slack/slack-adapter.ts';
import { SlackApiError } from '../src/adapters/slack/slack-errors.ts';
import type { ChatEvent, DigestItem } from '../src/chat/chat-adapter.ts';
import { plainMessage } from '../src/chat/message-format.ts';
import { silentLogger } from '../src/log/logger.ts';
import { appMentionEvent, reactionAddedEvent, reactionRemovedEvent } from './fakes/slack/events.ts';
import { type SlackFake, signSlackRequest, startSlackFake } from './fakes/slack-fake.ts';

const SIGNING_SECRET = 'test-signing-secret';
const CHANNEL = 'C123ABC456';
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
  title: 'Cheap <and> fast inference & serving',
  tldr: 'Speculative decoding with a 2x speed-up.',
  tags: ['inference', 'llm-serving'],
  score: 0.8734,
  reason: 'top',
  reasonText: 'top score',
  links: {
    abs: 'https://arxiv.org/abs/2511.01234',
    pdf: 'https://arxiv.org/pdf/2511.01234',
    code: 'https://github.com/x/y',
  },
};

let fake: SlackFake;
let adapter: SlackAdapter | undefined;
let events: ChatEvent[];

beforeEach(async () => {
  fake = await startSlackFake();
  events = [];
});

afterEach(async () => {
  await adapter?.stop();
  adapter = undefined;
  await fake.close();
});

function options(overrides: Partial<SlackAdapterOptions> = {}): SlackAdapterOptions {
  return {
    mode: 'socket',
    botToken: fake.botToken,
    appToken: fake.appToken,
    apiUrl: fake.apiUrl,
    retry: { retries: 2, minTimeoutMs: 10, maxTimeoutMs: 20, maxRetryTimeMs: 5000 },
    ...overrides,
  };
}

async function startAdapter(overrides: Partial<SlackAdapterOptions> = {}): Promise<SlackAdapter> {
  adapter = createSlackAdapter({ logger: silentLogger(), clock }, options(overrides));
  await adapter.start(async (event) => {
    events.push(event);
    if (event.kind === 'command')
      await event.reply(plainMessage(`answer to ${event.command} ${event.args}`.trim()));
    if (event.kind === 'button') await event.acknowledge('Thanks, noted 👍');
  });
  return adapter;
}

function messageEvent(text: string, ts = '1763715600.000300') {
  return {
    type: 'event_callback',
    team_id: fake.teamId,
    api_app_id: 'A123ABC456',
    event_id: `Ev${ts.replace('.', '')}`,
    event_time: 1763715600,
    event: {
      type: 'message',
      channel: CHANNEL,
      user: 'U123ABC456',
      text,
      ts,
      event_ts: ts,
      channel_type: 'channel',
    },
  };
}

describe('slack adapter: sending', () => {
  it('sends a digest item as Block Kit with title, TL;DR, tags, score, links and 👍/👎 buttons', async () => {
    adapter = createSlackAdapter({ logger: silentLogger(), clock }, options());
    const sent = await adapter.sendDigestItem(CHANNEL, item);

    const [posted] = fake.postedMessages();
    expect(sent).toEqual({ platform: 'slack', chatId: CHANNEL, messageId: posted?.ts });
    const json = JSON.stringify(posted?.blocks);
    expect(json).toContain(
      '*<https://arxiv.org/abs/2511.01234|Cheap &lt;and&gt; fast inference &amp; serving>*',
    );
    expect(json).toContain('Speculative decoding with a 2x speed-up.');
    expect(json).toContain('#inference #llm-serving');
    expect(json).toContain('score 0.87 · top: top score');
    const actions = posted?.blocks?.find((b) => JSON.stringify(b).includes('"actions"'));
    expect(actions).toMatchObject({
      elements: [
        { action_id: 'radar_feedback_up', value: 'fb:+1:2511.01234', text: { text: '👍' } },
        { action_id: 'radar_feedback_down', value: 'fb:-1:2511.01234', text: { text: '👎' } },
        { url: item.links.abs },
        { url: item.links.pdf },
        { url: item.links.code },
      ],
    });
    expect(posted?.text).toContain('Cheap &lt;and&gt; fast');
  });

  it('retries a 429 after Retry-After and then succeeds', async () => {
    adapter = createSlackAdapter({ logger: silentLogger(), clock }, options());
    fake.rateLimit('chat.postMessage', 1);
    const started = Date.now();
    const sent = await adapter.sendMessage(CHANNEL, plainMessage('hello'));
    expect(sent).toHaveLength(1);
    expect(fake.calls('chat.postMessage')).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('surfaces an API error as a SlackApiError with the Slack error code, without retrying', async () => {
    adapter = createSlackAdapter({ logger: silentLogger(), clock }, options());
    const error = await adapter.sendMessage('C0NOTIN01', plainMessage('hello')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SlackApiError);
    expect(error).toMatchObject({ slackError: 'not_in_channel' });
    expect(fake.calls('chat.postMessage')).toHaveLength(1);
  });

  it('gives up quickly when the API keeps failing with 5xx', async () => {
    adapter = createSlackAdapter({ logger: silentLogger(), clock }, options());
    fake.inject({
      fault: { kind: 'status', status: 503, body: 'down' },
      match: (r) => r.path.endsWith('chat.postMessage'),
      times: 10,
    });
    await expect(adapter.sendMessage(CHANNEL, plainMessage('hello'))).rejects.toBeInstanceOf(SlackApiError);
    // "Quickly" is the number of attempts, not a wall-clock bound (a loaded CI machine is slow).
    expect(fake.calls('chat.postMessage')).toHaveLength(3);
  });

  it('splits a long message into several posts within Slack limits', async () => {
    adapter = createSlackAdapter({ logger: silentLogger(), clock }, options());
    const paragraphs = Array.from({ length: 80 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(60)}`);
    paragraphs.push('x'.repeat(7000));
    const sent = await adapter.sendMessage(CHANNEL, plainMessage(...paragraphs));

    const posted = fake.postedMessages();
    expect(sent.length).toBeGreaterThan(1);
    expect(posted).toHaveLength(sent.length);
    for (const message of posted) {
      expect(message.blocks?.length ?? 0).toBeLessThanOrEqual(50);
      expect(message.text.length).toBeLessThanOrEqual(12_000);
      for (const block of message.blocks ?? []) expect(JSON.stringify(block).length).toBeLessThan(3100);
    }
    const all = posted.map((m) => m.text).join('\n\n');
    expect(all.replace(/\s/g, '')).toBe(paragraphs.join('').replace(/\s/g, ''));
  });
});

describe('slack adapter: events in socket mode', () => {
  it('turns reaction_added / reaction_removed into reaction events with the Unicode emoji', async () => {
    await startAdapter();
    await fake.socketMode.sendEvent(
      reactionAddedEvent({ reaction: '+1', ts: '1763715600.000100', user: 'U123ABC456' }),
    );
    await fake.socketMode.sendEvent(
      reactionRemovedEvent({ reaction: 'broken_heart', ts: '1763715600.000100', user: 'U061F7AUR' }),
    );
    await vi.waitFor(() => expect(events).toHaveLength(2));
    expect(events).toEqual([
      {
        kind: 'reaction',
        platform: 'slack',
        chatId: CHANNEL,
        userId: 'U123ABC456',
        at: '2026-11-21T09:00:00.000Z',
        messageId: '1763715600.000100',
        emoji: '👍',
        added: true,
      },
      {
        kind: 'reaction',
        platform: 'slack',
        chatId: CHANNEL,
        userId: 'U061F7AUR',
        at: '2026-11-21T09:00:00.000Z',
        messageId: '1763715600.000100',
        emoji: '💔',
        added: false,
      },
    ]);
  });

  it('answers a /radar slash command in its channel', async () => {
    await startAdapter();
    const ack = await fake.socketMode.sendEnvelope('slash_commands', {
      token: 'x',
      team_id: fake.teamId,
      channel_id: CHANNEL,
      channel_name: 'research',
      user_id: 'U123ABC456',
      user_name: 'grace',
      command: '/radar',
      text: 'leaderboard swe-bench',
      response_url: 'https://hooks.slack.invalid/x',
      trigger_id: '1.2.3',
      api_app_id: 'A123ABC456',
    });
    expect(ack.envelope_id).toEqual(expect.any(String));
    await vi.waitFor(() => expect(fake.postedMessages()).toHaveLength(1));
    expect(events[0]).toMatchObject({
      kind: 'command',
      command: 'leaderboard',
      args: 'swe-bench',
      chatId: CHANNEL,
      userId: 'U123ABC456',
    });
    expect(fake.postedMessages()[0]).toMatchObject({
      channel: CHANNEL,
      text: 'answer to leaderboard swe-bench',
    });
  });

  it('answers every command sent as a plain `/command` message, in the message thread', async () => {
    await startAdapter();
    for (const [index, name] of COMMANDS.entries()) {
      await fake.socketMode.sendEvent(
        messageEvent(`/${name} foo`, `1763715600.0010${String(index).padStart(2, '0')}`),
      );
    }
    await vi.waitFor(() => expect(fake.postedMessages()).toHaveLength(COMMANDS.length));
    expect(events.map((e) => (e.kind === 'command' ? `${e.command}:${e.args}` : e.kind))).toEqual(
      COMMANDS.map((c) => `${c}:foo`),
    );
    const search = fake.postedMessages().find((m) => m.text === 'answer to search foo');
    expect(search).toMatchObject({ channel: CHANNEL, thread_ts: '1763715600.001001' });
  });

  it('takes a mention of the bot as a command, once, and ignores ordinary messages', async () => {
    await startAdapter();
    const mention = appMentionEvent({ text: '<@U0BOT> search llm agents' });
    await fake.socketMode.sendEvent(mention);
    await fake.socketMode.sendEvent(messageEvent('<@U0BOT> search llm agents', String(mention.event.ts)));
    await fake.socketMode.sendEvent(messageEvent('just chatting about papers', '1763715600.000900'));
    // Drain: a last mention is handled after everything sent before it; then count.
    const sentinel = appMentionEvent({ text: '<@U0BOT> status' });
    sentinel.event.ts = '1763715600.000950';
    await fake.socketMode.sendEvent(sentinel);
    await vi.waitFor(() =>
      expect(events.some((e) => e.kind === 'command' && e.command === 'status')).toBe(true),
    );
    expect(events.map((e) => (e.kind === 'command' ? e.command : e.kind))).toEqual(['search', 'status']);
    expect(events[0]).toMatchObject({
      kind: 'command',
      command: 'search',
      args: 'llm agents',
      userId: 'U061F7AUR',
    });
    expect(fake.postedMessages()[0]?.thread_ts).toBe(mention.event.ts);
  });

  it('turns a 👍 button press into a button event and acknowledges it ephemerally', async () => {
    await startAdapter();
    const sent = await adapter?.sendDigestItem(CHANNEL, item);
    await fake.socketMode.sendEnvelope('interactive', {
      type: 'block_actions',
      user: { id: 'U123ABC456', username: 'grace', team_id: fake.teamId },
      api_app_id: 'A123ABC456',
      token: 'x',
      container: { type: 'message', message_ts: sent?.messageId, channel_id: CHANNEL, is_ephemeral: false },
      trigger_id: '1.2.3',
      team: { id: fake.teamId, domain: 'research-radar' },
      channel: { id: CHANNEL, name: 'research' },
      message: { type: 'message', ts: sent?.messageId, text: 'x' },
      actions: [
        {
          action_id: 'radar_feedback_up',
          block_id: 'radar_feedback:2511.01234',
          value: 'fb:+1:2511.01234',
          type: 'button',
          action_ts: '1763715601.0001',
          text: { type: 'plain_text', text: '👍' },
        },
      ],
    });
    await vi.waitFor(() => expect(fake.postedMessages()).toHaveLength(2));
    expect(events[0]).toMatchObject({
      kind: 'button',
      paperId: '2511.01234',
      value: 1,
      messageId: sent?.messageId,
      chatId: CHANNEL,
      userId: 'U123ABC456',
    });
    expect(fake.postedMessages()[1]).toMatchObject({ ephemeralTo: 'U123ABC456', text: 'Thanks, noted 👍' });
  });
});

describe('slack adapter: HTTP mode', () => {
  it('accepts a signed event and rejects a bad signature with 401 and no event', async () => {
    const started = await startAdapter({
      mode: 'http',
      signingSecret: SIGNING_SECRET,
      appToken: undefined,
      httpPort: 0,
      httpHost: '127.0.0.1',
    });
    const url = `http://127.0.0.1:${started.httpPort()}/slack/events`;
    const body = JSON.stringify(reactionAddedEvent({ reaction: 'fire', ts: '1763715600.000100' }));
    const post = (headers: Record<string, string>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

    const forged = await post({ ...signSlackRequest('wrong-secret', body) });
    const stale = await post({
      ...signSlackRequest(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 600),
    });
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);

    const accepted = await post({ ...signSlackRequest(SIGNING_SECRET, body) });
    expect(accepted.status).toBe(200);
    // Drain: a second signed event arrives after the first; then exactly the two signed ones count.
    const later = JSON.stringify(reactionAddedEvent({ reaction: '+1', ts: '1763715600.000200' }));
    const second = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signSlackRequest(SIGNING_SECRET, later) },
      body: later,
    });
    expect(second.status).toBe(200);
    await vi.waitFor(() => expect(events.some((e) => e.kind === 'reaction' && e.emoji === '👍')).toBe(true));
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ kind: 'reaction', emoji: '🔥', added: true });
  });
});
