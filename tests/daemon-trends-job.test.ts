/** The weekly trends job online: the report is computed, saved and sent to the configured chat. */
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../src/config/env.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { createTrendsJob } from '../src/daemon/jobs.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createMemoryStores } from '../src/store/memory/memory-stores.ts';
import { startTelegramFake, type TelegramFake } from './fakes/telegram-fake.ts';
import { makePaper } from './helpers/papers.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
const TOKEN = '123456:TEST-token';
let telegram: TelegramFake | undefined;
afterEach(async () => {
  await telegram?.close();
  telegram = undefined;
});

function day(offset: number): string {
  return new Date(Date.UTC(2026, 10, 21) + offset * 86_400_000).toISOString();
}

describe('weekly trends job', () => {
  it('saves the report and sends it to the allowlisted chat', async () => {
    telegram = await startTelegramFake({ token: TOKEN });
    // The stores in memory; the report's markdown goes to the state directory's out/.
    const stateDir = tempDir();
    const stores = createMemoryStores();
    // 30 baseline papers without the topic, 10 this week with it: a rising keyphrase.
    const papers = [
      ...Array.from({ length: 30 }, (_, i) =>
        makePaper(`2611.${String(i).padStart(5, '0')}`, {
          published: day(-8 - (i % 20)),
          categories: ['cs.CV'],
        }),
      ),
      ...Array.from({ length: 10 }, (_, i) =>
        makePaper(`2611.${String(100 + i).padStart(5, '0')}`, {
          title: `Speculative decoding study ${i}`,
          published: day(-(i % 6)),
          categories: ['cs.CL'],
        }),
      ),
    ];
    await stores.papers.upsert(papers);
    const job = createTrendsJob({
      config: RadarConfig.parse({
        chat: { telegram: { apiRoot: telegram.url, chatIds: [42], userIds: [7] } },
      }),
      env: readEnv({ TELEGRAM_BOT_TOKEN: TOKEN }),
      stateDir,
      cwd: stateDir,
      stores,
      logger: silentLogger(),
      clock: { now: () => new Date(day(0)) },
      offline: false,
    });
    const outcome = await job.run({
      signal: new AbortController().signal,
      scheduledAt: new Date(),
      logger: silentLogger(),
    });
    expect(outcome.status).toBe('ok');
    expect(outcome.detail).toContain('not on Notion (NOTION_TOKEN is not set)');
    const saved = await stores.trendReports.read('2026-11-21');
    expect(saved?.trends.some((t) => /speculative decoding/.test(t.key))).toBe(true);
    const sent = telegram.sentMessages();
    expect(sent).toHaveLength(1);
    expect(String(sent[0]?.chat_id)).toBe('42');
    expect(sent[0]?.text).toContain('Trends, week ending 2026-11-21');
  });
});
