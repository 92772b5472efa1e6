import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Harness, startHarness } from './chat/telegram-setup.ts';
import { commandUpdate, telegramPeople } from './fakes/telegram/updates.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const texts = () => h.fake.sentMessages().map((m) => m.plain_text);

/** Pushes the commands, waits for `answers` replies and for the queue to drain, then returns every reply. */
async function send(commands: string[], answers: number): Promise<string[]> {
  for (const text of commands) h.fake.pushUpdate(commandUpdate({ text }));
  await vi.waitFor(() => expect(h.fake.pendingUpdates()).toEqual([]), { timeout: 3000 });
  await vi.waitFor(() => expect(texts().length).toBeGreaterThanOrEqual(answers), { timeout: 3000 });
  await h.runner.idle();
  return texts();
}

describe('Telegram commands', () => {
  it('answers a command addressed to this bot by name and ignores one addressed to another bot', async () => {
    const me = telegramPeople.bot.username ?? '';
    expect(me).not.toBe('');
    const replies = await send(['/status@OtherBot', '/like@SomeoneElseBot 2511.01234', `/help@${me}`], 1);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Research radar commands');
    expect(await h.stores.labels.readAll()).toEqual([]);
  });

  it('refuses /like and /dislike for a paper the radar does not have, and writes no label', async () => {
    const replies = await send(['/like 2511.99999', `/dislike ${h.papers[3]?.id}`], 2);
    expect(replies).toEqual([
      'No paper 2511.99999 in the radar’s papers: check the id (only collected papers can be labelled).',
      `Labelled ${h.papers[3]?.id} 👎.`,
    ]);
    expect((await h.stores.labels.readAll()).map((l) => [l.id, l.label])).toEqual([[h.papers[3]?.id, -1]]);
  });
});
