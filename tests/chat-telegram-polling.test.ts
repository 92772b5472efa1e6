import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTelegramAdapter } from '../src/adapters/telegram/telegram-adapter.ts';
import { createBotRunner } from '../src/chat/bot-runner.ts';
import { pollerStatusLines } from '../src/chat/poller-status.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { ConfigError } from '../src/core/errors.ts';
import { silentLogger } from '../src/log/logger.ts';
import { CHAT, type Harness, startHarness, TOKEN, USER } from './chat/telegram-setup.ts';
import { commandUpdate } from './fakes/telegram/updates.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const pollerFile = () => join(h.stateDir, 'chat', 'telegram-poller.json');
const texts = () => h.fake.sentMessages().map((m) => m.plain_text);

async function pollsAgain(after: number): Promise<void> {
  await vi.waitFor(() => expect(h.fake.calls('getUpdates').length).toBeGreaterThan(after), { timeout: 3000 });
}

describe('Telegram long polling survives a 409 Conflict', () => {
  it('restarts polling, answers the next command, alerts once and records the restarts', async () => {
    await pollsAgain(0);
    for (let i = 0; i < 3; i++) {
      const before = h.fake.calls('getUpdates').length;
      h.fake.conflictPolling();
      await pollsAgain(before + 1);
    }
    h.fake.pushUpdate(commandUpdate({ text: '/help' }));
    await vi.waitFor(() => expect(texts().some((t) => t.includes('Research radar commands'))).toBe(true), {
      timeout: 3000,
    });
    await h.runner.idle();
    const alerts = texts().filter((t) => t.includes('terminated by other getUpdates request'));
    expect(alerts).toHaveLength(1);
    const record = JSON.parse(await readFile(pollerFile(), 'utf8'));
    expect(record).toMatchObject({ platform: 'telegram', pid: process.pid, state: 'polling' });
    expect(record.restarts).toBeGreaterThanOrEqual(3);
    expect(record.lastError).toContain('409');
    const lines = await pollerStatusLines(h.stateDir);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^telegram polling: polling \(pid \d+, radar bot, since .*\), restarted \d+ times/,
    );
    expect(lines[0]).toContain('Conflict');
    const before = h.fake.sentMessages().length;
    h.fake.pushUpdate(commandUpdate({ text: '/status' }));
    await vi.waitFor(() => expect(h.fake.sentMessages().length).toBeGreaterThan(before), { timeout: 3000 });
    expect(h.fake.sentMessages()[before]?.plain_text).toMatch(
      /telegram polling: polling \(pid \d+, radar bot/,
    );
  });

  it('refuses a second poller on the same state with a clear message, and frees the record on stop', async () => {
    const config = RadarConfig.parse({
      chat: { telegram: { apiRoot: h.fake.url, chatIds: [CHAT], userIds: [USER] } },
    });
    const adapter = createTelegramAdapter({
      token: TOKEN,
      apiRoot: h.fake.url,
      parseMode: 'HTML',
      mode: 'polling',
      logger: silentLogger(),
      clock: h.clock,
    });
    const second = createBotRunner({
      config,
      stores: h.stores,
      stateDir: h.stateDir,
      adapters: [adapter],
      labels: h.stores.labels,
      clock: h.clock,
      logger: silentLogger(),
      secrets: [TOKEN],
      command: 'daemon',
    });
    await expect(second.start()).rejects.toThrow(
      /Telegram is already polled for this state by radar bot \(pid \d+, since .*\); stop it first/,
    );
    await second.stop();
    expect(JSON.parse(await readFile(pollerFile(), 'utf8')).pid).toBe(process.pid);
    await h.runner.stop();
    await expect(readFile(pollerFile(), 'utf8')).rejects.toThrow(/ENOENT/);
    expect(await pollerStatusLines(h.stateDir)).toEqual([]);
  });
});

describe('a refused Telegram token', () => {
  it('fails the start with a config error naming the token, not a stack trace', async () => {
    const adapter = createTelegramAdapter({
      token: '123:wrong-token',
      apiRoot: h.fake.url,
      parseMode: 'HTML',
      mode: 'polling',
      logger: silentLogger(),
      clock: h.clock,
      retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const error = await adapter
      .start(async () => undefined)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ConfigError);
    expect(error).toMatchObject({
      exitCode: 2,
      message: 'the Telegram token was refused (401 Unauthorized): check TELEGRAM_BOT_TOKEN',
    });
    await adapter.stop();
  });
});
