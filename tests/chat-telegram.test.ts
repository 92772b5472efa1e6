import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTelegramAdapter } from '../src/adapters/telegram/telegram-adapter.ts';
import { silentLogger } from '../src/log/logger.ts';
import { CHAT, type Harness, startHarness, TLDR, TODAY, TOKEN, USER } from './chat/telegram-setup.ts';
import {
  callbackQueryUpdate,
  commandUpdate,
  reactionUpdate,
  telegramPeople,
} from './fakes/telegram/updates.ts';
import { startTelegramFake } from './fakes/telegram-fake.ts';

let h: Harness;

beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const labels = () => h.stores.labels.readAll();

async function sendDigest() {
  await h.runner.sendDigest(TODAY);
  return h.fake.sentMessages();
}

/** Pushes a command and returns the plain texts the bot sent in answer. */
async function ask(text: string, expected = 1): Promise<string[]> {
  const before = h.fake.sentMessages().length;
  h.fake.pushUpdate(commandUpdate({ text }));
  await vi.waitFor(() => expect(h.fake.sentMessages().length).toBeGreaterThanOrEqual(before + expected), {
    timeout: 3000,
  });
  await h.runner.idle();
  return h.fake
    .sentMessages()
    .slice(before)
    .map((m) => m.plain_text);
}

describe('Telegram bot with the real telegraf against the fake Bot API', () => {
  it('sends the digest (header, items with 👍/👎 buttons, footer), stores the mapping, and is idempotent', async () => {
    const sent = await sendDigest();
    expect(sent).toHaveLength(5);
    expect(sent[0]?.plain_text).toContain('3 papers picked');
    expect(sent[4]?.plain_text).toContain('teach the radar');
    const items = sent.slice(1, 4);
    expect(items[0]?.plain_text).toContain(TLDR);
    expect(items[0]?.plain_text).toContain('#audio-models #evaluation #benchmark-subsets');
    expect(items[0]?.text).toContain('href="https://github.com/example/humans-first"');
    items.forEach((m, i) => {
      const paper = h.papers[i];
      expect(m.parse_mode).toBe('HTML');
      expect(m.plain_text).toContain(paper?.title);
      expect(m.text).toContain(`href="https://arxiv.org/abs/${paper?.id}"`);
      expect(m.reply_markup).toEqual({
        inline_keyboard: [
          [
            { text: '👍', callback_data: `fb:+1:${paper?.id}`, hide: false },
            { text: '👎', callback_data: `fb:-1:${paper?.id}`, hide: false },
          ],
        ],
      });
    });
    const map = h.stores.messageMap;
    expect(await map.find('telegram', String(CHAT), String(items[1]?.message_id))).toBe(h.papers[1]?.id);
    expect(await sendDigest()).toHaveLength(5);
  });

  it('turns a 👍 reaction into a label (source telegram, user id) and its removal removes it', async () => {
    const sent = await sendDigest();
    const messageId = sent[2]?.message_id ?? 0;
    h.fake.pushUpdate(reactionUpdate({ messageId, emoji: ['👍'] }));
    await vi.waitFor(async () => expect(await labels()).toHaveLength(1), { timeout: 3000 });
    expect((await labels())[0]).toMatchObject({
      id: h.papers[1]?.id,
      label: 1,
      source: 'telegram',
      user: String(USER),
    });
    const csv = await readFile(join(h.stateDir, 'labels.csv'), 'utf8');
    expect(csv).toContain(`${h.papers[1]?.id},1,telegram,${USER}`);

    h.fake.pushUpdate(reactionUpdate({ messageId, emoji: ['💔'], previous: ['👍'] }));
    await vi.waitFor(async () => expect((await labels())[0]?.label).toBe(-1), { timeout: 3000 });
    h.fake.pushUpdate(reactionUpdate({ messageId, emoji: [], previous: ['💔'] }));
    await vi.waitFor(async () => expect(await labels()).toEqual([]), { timeout: 3000 });
  });

  it('labels through the inline 👎 button and answers the callback', async () => {
    const sent = await sendDigest();
    const paperId = h.papers[0]?.id ?? '';
    h.fake.pushUpdate(callbackQueryUpdate({ data: `fb:-1:${paperId}`, messageId: sent[1]?.message_id ?? 0 }));
    await vi.waitFor(() => expect(h.fake.callbackAnswers()).toHaveLength(1), { timeout: 3000 });
    expect(h.fake.callbackAnswers()[0]?.text).toBe('Labelled 👎');
    expect(await labels()).toEqual([
      expect.objectContaining({ id: paperId, label: -1, source: 'telegram', user: String(USER) }),
    ]);
  });

  it('answers every command from the state', async () => {
    expect((await ask('/help'))[0]).toContain('/leaderboard <name>');
    const title = h.papers[4]?.title ?? '';
    const query = title.split(/\s+/).slice(0, 4).join(' ');
    const found = (await ask(`/search ${query}`))[0];
    expect(found).toContain(`for "${query}"`);
    expect(found).toContain(title);
    expect((await ask('/search'))[0]).toContain('Usage: /search');
    expect((await ask('/profile'))[0]).toContain('No interest profile yet');
    expect((await ask('/trends'))[0]).toContain('No trend report yet');
    expect((await ask('/benchmarks'))[0]).toContain('not available yet');
    expect((await ask('/leaderboard swebench'))[0]).toContain(
      'SWE-bench: no snapshot has been collected yet.',
    );
    expect((await ask('/leaderboard nope'))[0]).toContain('Unknown leaderboard "nope"');
    const ranked = (await ask('/rank'))[0];
    expect(ranked).toContain(`Picks of ${TODAY}`);
    expect(ranked).toContain(h.papers[0]?.title);
    const status = (await ask('/status'))[0];
    expect(status).toContain('Last runs (1 failed or partial of the last 1):');
    expect(status).toContain('2026-11-21 07:00 pipeline: failed, failed steps: collect');
    expect(status).toContain('LLM today: $0.0123 of $2.00 budget, 1 calls, 0 failed.');
    expect(status).toContain('daemon: not running');
    expect(status).toMatch(/dailyPipeline \[0 8 \* \* \*\]: never run; next \d{4}-\d\d-\d\d 08:00/);
    expect((await ask(`/like ${h.papers[5]?.id}`))[0]).toBe(`Labelled ${h.papers[5]?.id} 👍.`);
    expect((await ask(`/dislike arXiv:${h.papers[6]?.id}v2`))[0]).toBe(`Labelled ${h.papers[6]?.id} 👎.`);
    expect((await labels()).map((l) => [l.id, l.label, l.source])).toEqual([
      [h.papers[5]?.id, 1, 'telegram'],
      [h.papers[6]?.id, -1, 'telegram'],
    ]);
    const digest = await ask('/digest', 6);
    expect(digest).toHaveLength(6);
    expect(digest[5]).toBe(`That was ${TODAY}'s digest (3 papers).`);
    expect((await ask('/frobnicate'))[0]).toBe('Unknown command /frobnicate. Try /help.');
  });

  it('refuses an unknown user once and then says nothing; their reactions do not label', async () => {
    const group = telegramPeople.supergroup.id;
    const paperId = h.papers[0]?.id ?? '';
    await h.stores.messageMap.append([
      { platform: 'telegram', chatId: String(group), messageId: '777', paperId, at: `${TODAY}T08:00:00Z` },
    ]);
    const stranger = { id: 5550001, is_bot: false, first_name: 'Mallory' };
    h.fake.pushUpdate(commandUpdate({ text: '/status', chat: 'group', from: stranger }));
    h.fake.pushUpdate(commandUpdate({ text: '/help', chat: 'group', from: stranger }));
    h.fake.pushUpdate(reactionUpdate({ messageId: 777, emoji: ['👍'], chat: 'group', user: stranger }));
    // The same reaction by the allowlisted user in that group does label: the allowlist is what
    // blocked the stranger. Updates are handled in order, so once it landed the earlier ones were
    // handled too (a drain, not a sleep).
    h.fake.pushUpdate(reactionUpdate({ messageId: 777, emoji: ['👍'], chat: 'group' }));
    await vi.waitFor(async () => expect((await labels()).map((l) => l.id)).toEqual([paperId]), {
      timeout: 3000,
    });
    await h.runner.idle();
    expect(h.fake.sentMessages().map((m) => [m.chat_id, m.plain_text])).toEqual([
      [group, 'Sorry, this bot is private.'],
    ]);
    expect((await labels()).map((l) => l.user)).toEqual([String(USER)]);
  });

  it('retries a 429 after the retry_after Telegram gave', async () => {
    h.fake.rateLimit('sendMessage', 2, 1);
    const sent = await h.adapter.sendMessage(String(CHAT), { blocks: [[{ kind: 'text', text: 'hello' }]] });
    expect(sent).toHaveLength(1);
    expect(h.sleeps).toEqual([2000]);
    expect(h.fake.calls('sendMessage')).toHaveLength(2);
    expect(h.fake.sentMessages().map((m) => m.plain_text)).toEqual(['hello']);
  });

  it('splits a 6,000-character message into two messages of at most 4,096', async () => {
    const paragraph = 'Results on long context: '.padEnd(599, 'x.');
    const blocks = Array.from({ length: 10 }, () => [{ kind: 'text' as const, text: paragraph }]);
    const sent = await h.adapter.sendMessage(String(CHAT), { blocks });
    expect(sent).toHaveLength(2);
    const texts = h.fake.sentMessages().map((m) => m.plain_text);
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(4096);
    expect(texts.join('\n\n')).toBe(blocks.map((b) => b[0]?.text).join('\n\n'));
  });

  it('suppresses an alert storm: 10 alerts in a window send 1; the next one says 9 were suppressed', async () => {
    for (let i = 0; i < 10; i++) {
      await h.runner.alerter.alert({
        kind: 'arxiv-failed',
        component: 'collect/arxiv',
        error: new Error(`HTTP 503 #${i}`),
      });
      h.clock.advance(20_000);
    }
    expect(h.fake.sentMessages()).toHaveLength(1);
    expect(h.fake.sentMessages()[0]?.plain_text).toContain('HTTP 503 #0');
    h.clock.advance(5 * 60_000);
    await h.runner.alerter.alert({
      kind: 'arxiv-failed',
      component: 'collect/arxiv',
      error: new Error(`bot${'2084591315:AAE_fake-token-for-tests-0123456789'} failed`),
    });
    const last = h.fake.sentMessages()[1]?.plain_text ?? '';
    expect(last).toContain('9 more alerts of this kind suppressed');
    expect(last).toContain('collect/arxiv');
    expect(last).not.toContain('AAE_fake-token');
  });
});

describe('Telegram webhook mode', () => {
  let w: Harness;
  const SECRET = 'webhook-secret-0123456789';
  beforeEach(async () => {
    w = await startHarness({ mode: 'webhook', secret: SECRET });
  });
  afterEach(async () => {
    await w.close();
  });

  const post = (secret: string | undefined, body: object) =>
    fetch(`http://127.0.0.1:${w.adapter.webhookPort()}/telegram`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
      },
      body: JSON.stringify(body),
    });

  it('rejects a bad or missing secret with 401 and handles an update with the right one', async () => {
    const update = { update_id: 1, ...commandUpdate({ text: '/help' }) };
    expect((await post('wrong-secret', update)).status).toBe(401);
    expect((await post(undefined, update)).status).toBe(401);
    expect((await post(`${SECRET}x`, update)).status).toBe(401);
    await w.runner.idle();
    expect(w.fake.sentMessages()).toEqual([]);
    expect((await post(SECRET, { not: 'an update' })).status).toBe(400);
    expect((await post(SECRET, update)).status).toBe(200);
    await w.runner.idle();
    expect(w.fake.sentMessages().map((m) => m.plain_text)).toEqual([
      expect.stringContaining('Research radar commands'),
    ]);
    expect(w.fake.calls('getUpdates')).toEqual([]);
  });
});

describe('Telegram parse modes against the fake’s entity parser', () => {
  it.each(['HTML', 'MarkdownV2'] as const)(
    '%s: a title with _*[]()~ and <&> arrives exactly as written',
    async (parseMode) => {
      const fake = await startTelegramFake({ token: TOKEN });
      try {
        const adapter = createTelegramAdapter({
          token: TOKEN,
          apiRoot: fake.url,
          parseMode,
          mode: 'polling',
          logger: silentLogger(),
          clock: { now: () => new Date() },
        });
        const title = 'Sparse_MoE* [v2] (fast) ~2x <a&b> #1 a-b=c {x} |y| `z` v1.5!';
        await adapter.sendDigestItem(String(CHAT), {
          paperId: '2511.01234',
          title,
          tldr: 'Cuts cost by 40% (on H100s).',
          tags: ['moe', 'efficient_inference'],
          score: 0.5,
          reason: 'explore',
          reasonText: 'the classifier is unsure',
          links: {
            abs: 'https://arxiv.org/abs/2511.01234',
            pdf: 'https://arxiv.org/pdf/2511.01234',
            code: 'https://github.com/a/b_(c)',
          },
        });
        const [sent] = fake.sentMessages();
        expect(sent?.parse_mode).toBe(parseMode);
        expect(sent?.plain_text.split('\n')[0]).toBe(title);
        expect(sent?.plain_text).toContain('#moe #efficient_inference');
      } finally {
        await fake.close();
      }
    },
  );
});
