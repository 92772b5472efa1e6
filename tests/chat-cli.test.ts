import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runBot } from '../src/cli/commands/bot.ts';
import { runNotifyTest } from '../src/cli/commands/notify-test.ts';
import type { CommandContext } from '../src/cli/context.ts';
import { readEnv } from '../src/config/env.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createFileStores } from '../src/store/stores.ts';
import { CHAT, samplePapers, TOKEN } from './chat/telegram-setup.ts';
import { commandUpdate } from './fakes/telegram/updates.ts';
import { startTelegramFake, type TelegramFake } from './fakes/telegram-fake.ts';
import { RADAR_BIN } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: TelegramFake;
beforeEach(async () => {
  fake = await startTelegramFake({ token: TOKEN, maxHoldMs: 100 });
});
afterEach(async () => {
  await fake.close();
});

function context(chatIds: string[], token: string | undefined = TOKEN): CommandContext {
  const config = RadarConfig.parse({ chat: { telegram: { apiRoot: fake.url, chatIds, userIds: [] } } });
  const stateDir = `${tempDir()}/state`;
  return {
    env: readEnv(token ? { TELEGRAM_BOT_TOKEN: token } : {}),
    loaded: { config, file: undefined, overridden: [] },
    stateDir,
    logger: silentLogger(),
    cwd: tempDir(),
    stores: createFileStores(stateDir),
  };
}

describe('radar notify test', () => {
  it('sends a test message to each configured chat', async () => {
    const lines: string[] = [];
    expect(await runNotifyTest(context([String(CHAT), '-1001234']), (l) => lines.push(l))).toBe(0);
    expect(fake.sentMessages().map((m) => [m.chat_id, m.plain_text.slice(0, 28)])).toEqual([
      [CHAT, 'Research radar test message,'],
      [-1001234, 'Research radar test message,'],
    ]);
    expect(lines).toEqual([`ok      telegram ${CHAT}`, 'ok      telegram -1001234']);
  });

  it('reports a chat that fails, without the token, and exits 1', async () => {
    fake.blockChat(CHAT);
    const lines: string[] = [];
    expect(await runNotifyTest(context([String(CHAT)]), (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toMatch(/^failed {2}telegram \d+: 403: Forbidden: bot was blocked by the user/);
    expect(lines.join('\n')).not.toContain(TOKEN);
  });

  it('says so when nothing is configured', async () => {
    const lines: string[] = [];
    expect(await runNotifyTest(context([String(CHAT)], ''), (l) => lines.push(l))).toBe(1);
    expect(lines[0]).toContain('No chat is configured');
  });
});

describe('radar bot', () => {
  it('runs the bot until the stop signal, answering commands and labelling', async () => {
    const ctx = context([String(CHAT)]);
    let stop: (signal: string) => void = () => {};
    const lines: string[] = [];
    const running = runBot(
      ctx,
      (l) => lines.push(l),
      () => new Promise((resolve) => (stop = resolve)),
    );
    await vi.waitFor(() => expect(lines[0]).toBe('radar bot: telegram running (Ctrl-C to stop)'), {
      timeout: 3000,
    });
    const [paper] = samplePapers(1);
    await ctx.stores.papers.upsert(samplePapers(1));
    fake.pushUpdate(commandUpdate({ text: `/like ${paper?.id}` }));
    await vi.waitFor(
      () => expect(fake.sentMessages().map((m) => m.plain_text)).toEqual([`Labelled ${paper?.id} 👍.`]),
      {
        timeout: 3000,
      },
    );
    stop('SIGTERM');
    expect(await running).toBe(0);
    expect(lines.at(-1)).toBe('radar bot: SIGTERM, stopping');
    expect((await ctx.stores.labels.readAll()).map((l) => [l.id, l.label, l.source])).toEqual([
      [paper?.id, 1, 'telegram'],
    ]);
    expect(fake.allowedUpdates()).toEqual(['message', 'message_reaction', 'callback_query']);
    expect(fake.commands().map((c) => c.command)).toEqual([
      'help',
      'search',
      'profile',
      'trends',
      'benchmarks',
      'leaderboard',
      'rankings',
      'rank',
      'digest',
      'status',
      'like',
      'dislike',
    ]);
  });
});

describe('radar bot as a process', () => {
  it('polls the fake, answers, and exits 0 on SIGINT', async () => {
    const cwd = tempDir();
    writeFileSync(
      `${cwd}/radar.config.json`,
      JSON.stringify({ chat: { telegram: { userIds: [String(CHAT)] } } }),
    );
    const child = spawn(process.execPath, [RADAR_BIN, 'bot'], {
      cwd,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: cwd,
        RADAR_LOG_LEVEL: 'warn',
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_API_ROOT: fake.url,
        RADAR_CONFIG: `${cwd}/radar.config.json`,
      },
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await vi.waitFor(() => expect(stdout).toContain('telegram running'), { timeout: 20_000 });
    fake.pushUpdate(commandUpdate({ text: '/help' }));
    await vi.waitFor(() => expect(fake.sentMessages()).toHaveLength(1), { timeout: 5000 });
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toContain('radar bot: SIGINT, stopping');
  }, 30_000);
});
