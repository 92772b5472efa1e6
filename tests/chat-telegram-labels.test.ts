import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RadarConfig } from '../src/config/schema.ts';
import { createLabelsStore } from '../src/store/labels-store.ts';
import { type Harness, startHarness } from './chat/telegram-setup.ts';
import { callbackQueryUpdate, reactionUpdate } from './fakes/telegram/updates.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const labels = () => h.stores.labels.readAll();

async function drained(): Promise<void> {
  await vi.waitFor(() => expect(h.fake.pendingUpdates()).toEqual([]), { timeout: 3000 });
  // The update left the queue; wait until the poll that confirmed it was handled too.
  const calls = h.fake.calls('getUpdates').length;
  await vi.waitFor(() => expect(h.fake.calls('getUpdates').length).toBeGreaterThan(calls), { timeout: 3000 });
  await h.runner.idle();
}

describe('labels from Telegram reactions are derived from the message’s reaction set', () => {
  it('taking back one of two reactions keeps the label while 👍 is still on the message', async () => {
    await h.runner.sendDigest('2026-11-21');
    const messageId = h.fake.sentMessages()[1]?.message_id ?? 0;
    h.fake.pushUpdate(reactionUpdate({ messageId, emoji: ['👍', '🔥'] }));
    await vi.waitFor(async () => expect(await labels()).toHaveLength(1), { timeout: 3000 });
    h.fake.pushUpdate(reactionUpdate({ messageId, emoji: ['👍'], previous: ['👍', '🔥'] }));
    await drained();
    expect((await labels()).map((l) => [l.id, l.label])).toEqual([[h.papers[0]?.id, 1]]);
    // 👍 → 👎 flips the label; an empty set removes it.
    h.fake.pushUpdate(reactionUpdate({ messageId, emoji: ['👎'], previous: ['👍'] }));
    await vi.waitFor(async () => expect((await labels())[0]?.label).toBe(-1), { timeout: 3000 });
    h.fake.pushUpdate(reactionUpdate({ messageId, emoji: [], previous: ['👎'] }));
    await vi.waitFor(async () => expect(await labels()).toEqual([]), { timeout: 3000 });
  });

  it('a button press after a reaction wins: both are stamped on the same clock', async () => {
    await h.runner.sendDigest('2026-11-21');
    const message = h.fake.sentMessages()[1];
    const paperId = h.papers[0]?.id ?? '';
    h.fake.pushUpdate(reactionUpdate({ messageId: message?.message_id ?? 0, emoji: ['👍'] }));
    await vi.waitFor(async () => expect((await labels())[0]?.label).toBe(1), { timeout: 3000 });
    h.fake.pushUpdate(callbackQueryUpdate({ data: `fb:-1:${paperId}`, messageId: message?.message_id ?? 0 }));
    await vi.waitFor(() => expect(h.fake.callbackAnswers()).toHaveLength(1), { timeout: 3000 });
    await h.runner.idle();
    expect((await labels()).map((l) => [l.id, l.label])).toEqual([[paperId, -1]]);
  });

  it('the default negative reactions are ones Telegram allows a user to send', () => {
    const allowed = new Set(['👍', '👎', '❤', '🔥', '🎉', '💯', '💔', '🥱', '😢', '🤮', '💩', '😐', '🤨']);
    const { positive, negative } = RadarConfig.parse({}).chat.reactions;
    for (const emoji of [...positive, ...negative]) expect(allowed).toContain(emoji.replace(/\uFE0F/g, ''));
  });
});

describe('the labels store orders changes by time, not by how the time is written', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'radar-labels-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('a change at 09:00:00.500Z is later than a stored 09:00:00Z', async () => {
    const store = createLabelsStore(dir);
    const label = { id: '2511.00001', source: 'telegram', user: '1' } as const;
    await store.apply([{ kind: 'set', label: { ...label, label: 1, at: '2026-11-21T09:00:00Z' } }]);
    await store.apply([{ kind: 'set', label: { ...label, label: -1, at: '2026-11-21T09:00:00.500Z' } }]);
    expect((await store.readAll()).map((l) => l.label)).toEqual([-1]);
  });
});
