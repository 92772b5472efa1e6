/**
 * `startDaemon` in-process: the state lock for the process lifetime, queued chat labels applied at
 * start, the Telegram bot in the same process answering /status with the health lines and writing
 * labels straight to the store, and the bounded stop.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readEnv } from '../src/config/env.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { startDaemon } from '../src/daemon/daemon.ts';
import type { Job } from '../src/daemon/job-runner.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createLabelsStore } from '../src/store/labels-store.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import { createPendingLabelsStore } from '../src/store/pending-labels-store.ts';
import { acquireStateLock } from '../src/store/state-lock.ts';
import { createFileStores } from '../src/store/stores.ts';
import { CHAT, samplePapers, TOKEN, USER } from './chat/telegram-setup.ts';
import { commandUpdate } from './fakes/telegram/updates.ts';
import { startTelegramFake, type TelegramFake } from './fakes/telegram-fake.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
const farAway = '0 0 1 1 *';
const clock = { now: () => new Date() };

function deps(
  stateDir: string,
  jobs: Record<string, Job>,
  extra: {
    config?: unknown;
    env?: Record<string, string>;
    offline?: boolean;
    shutdownTimeoutMs?: number;
  } = {},
) {
  return {
    config: RadarConfig.parse(
      extra.config ?? {
        schedule: {
          dailyPipeline: farAway,
          feedbackPoll: farAway,
          benchmarks: farAway,
          weeklyTrends: farAway,
        },
      },
    ),
    env: readEnv(extra.env ?? {}),
    stateDir,
    cwd: stateDir,
    stores: createFileStores(stateDir),
    logger: silentLogger(),
    clock,
    offline: extra.offline ?? true,
    jobs,
    ...(extra.shutdownTimeoutMs === undefined ? {} : { shutdownTimeoutMs: extra.shutdownTimeoutMs }),
  };
}

const okJob = (name: string, runs: string[]): Job => ({
  name,
  run: async () => {
    runs.push(name);
    return { status: 'ok' };
  },
});

let fake: TelegramFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('startDaemon', () => {
  it('holds the state lock until stopped, and applies chat labels queued while it was down', async () => {
    const stateDir = tempDir();
    const [paper] = samplePapers(1);
    await createPendingLabelsStore(stateDir).append([
      {
        kind: 'set',
        label: {
          id: paper?.id ?? '',
          label: 1,
          source: 'telegram',
          user: 'u1',
          at: '2026-11-21T08:00:00.000Z',
        },
      },
    ]);
    const runs: string[] = [];
    const daemon = await startDaemon(
      deps(stateDir, {
        feedbackPoll: okJob('feedbackPoll', runs),
        dailyPipeline: okJob('dailyPipeline', runs),
        benchmarks: okJob('benchmarks', runs),
        weeklyTrends: okJob('weeklyTrends', runs),
      }),
    );
    expect((await createLabelsStore(stateDir).readAll()).map((l) => l.id)).toEqual([paper?.id]);
    expect(await createPendingLabelsStore(stateDir).readAll()).toEqual([]);
    await expect(acquireStateLock(stateDir, 'run --once')).rejects.toThrow(/already holds the state lock/);
    await daemon.idle();
    expect(runs).toEqual(['feedbackPoll', 'dailyPipeline', 'benchmarks', 'weeklyTrends']);
    expect(await daemon.stop('test')).toBe('clean');
    expect(existsSync(join(stateDir, '.lock'))).toBe(false);
  });

  it('gives up waiting for a job that ignores the stop after the bound, and still releases the lock', async () => {
    const stateDir = tempDir();
    let aborted = false;
    let started = false;
    const stubborn: Job = {
      name: 'dailyPipeline',
      run: (ctx) =>
        new Promise(() => {
          started = true;
          ctx.signal.addEventListener('abort', () => {
            aborted = true;
          });
        }),
    };
    const runs: string[] = [];
    const daemon = await startDaemon(
      deps(
        stateDir,
        {
          feedbackPoll: okJob('feedbackPoll', runs),
          dailyPipeline: stubborn,
          benchmarks: okJob('benchmarks', runs),
          weeklyTrends: okJob('weeklyTrends', runs),
        },
        { shutdownTimeoutMs: 300 },
      ),
    );
    await vi.waitFor(() => expect(started).toBe(true));
    const stopAt = Date.now();
    expect(await daemon.stop('SIGTERM')).toBe('timeout');
    const took = Date.now() - stopAt;
    expect(took).toBeGreaterThanOrEqual(290);
    expect(took).toBeLessThan(2_000);
    expect(aborted).toBe(true);
    expect(runs).toEqual(['feedbackPoll']); // the queued runs were dropped
    expect(existsSync(join(stateDir, '.lock'))).toBe(false);
  });

  it('runs the Telegram bot in the same process: /status answers with the health lines, /like writes labels at once', async () => {
    const stateDir = tempDir();
    fake = await startTelegramFake({ token: TOKEN, maxHoldMs: 100 });
    const runs: string[] = [];
    const daemon = await startDaemon(
      deps(
        stateDir,
        {
          feedbackPoll: okJob('feedbackPoll', runs),
          dailyPipeline: okJob('dailyPipeline', runs),
          benchmarks: okJob('benchmarks', runs),
          weeklyTrends: okJob('weeklyTrends', runs),
        },
        {
          offline: false,
          env: { TELEGRAM_BOT_TOKEN: TOKEN },
          config: {
            schedule: {
              timezone: 'Europe/Berlin',
              dailyPipeline: '0 8 * * *',
              feedbackPoll: farAway,
              benchmarks: farAway,
              weeklyTrends: farAway,
            },
            chat: { telegram: { apiRoot: fake.url, chatIds: [CHAT], userIds: [USER] } },
          },
        },
      ),
    );
    expect(daemon.bots).toEqual(['telegram']);
    await daemon.idle();
    const telegram = fake;
    const before = telegram.sentMessages().length;
    telegram.pushUpdate(commandUpdate({ text: '/status' }));
    await vi.waitFor(() => expect(telegram.sentMessages().length).toBeGreaterThan(before), {
      timeout: 5_000,
    });
    const status = telegram.sentMessages()[before]?.plain_text ?? '';
    expect(status).toContain(`daemon: running (pid ${process.pid}`);
    expect(status).toMatch(
      /dailyPipeline \[0 8 \* \* \*\]: last \d{4}-\d\d-\d\d \d\d:\d\d ok; next \d{4}-\d\d-\d\d 08:00/,
    );
    expect(status).toContain('(times in Europe/Berlin)');
    const [paper] = samplePapers(1);
    await createPapersStore(stateDir).upsert(samplePapers(1)); // only known papers can be liked
    telegram.pushUpdate(commandUpdate({ text: `/like ${paper?.id}`, messageId: 11 }));
    await vi.waitFor(
      async () => expect((await createLabelsStore(stateDir).readAll()).map((l) => l.id)).toEqual([paper?.id]),
      { timeout: 5_000 },
    );
    expect(
      existsSync(join(stateDir, 'chat', 'pending-labels.jsonl'))
        ? readFileSync(join(stateDir, 'chat', 'pending-labels.jsonl'), 'utf8')
        : '',
    ).toBe('');
    expect(await daemon.stop('test')).toBe('clean');
    expect(existsSync(join(stateDir, '.lock'))).toBe(false);
  });
});
