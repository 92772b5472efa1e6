/**
 * Leaderboard Changes and Model Rankings in Notion, with the real @notionhq/client against the
 * Notion fake: both databases created once, one page per change and per ranked model, a second
 * publish writing nothing, a new change adding exactly its page, and no key on two pages.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../../src/adapters/notion/init-migrate.ts';
import {
  CHANGE_PROPS,
  LEADERBOARD_CHANGES_DATABASE,
  MODEL_RANKINGS_DATABASE,
  RANKING_PROPS,
} from '../../src/adapters/notion/leaderboard-schema.ts';
import { publishLeaderboardsToNotion } from '../../src/cli/commands/leaderboards-notion.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createLeaderboardsStore } from '../../src/store/leaderboards-store.ts';
import { createNotionMapStore } from '../../src/store/notion-map-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import {
  type LeaderboardFake,
  readLeaderboardFixture,
  startLeaderboardFake,
} from '../fakes/leaderboard-fake.ts';
import { type NotionFake, startNotionFake } from '../fakes/notion-fake.ts';
import { fakeApi } from '../helpers/notion.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { leaderboardsHarness } from './leaderboards-harness.ts';

let boards: LeaderboardFake | undefined;
let notion: NotionFake | undefined;
afterEach(async () => {
  await boards?.close();
  await notion?.close();
  boards = undefined;
  notion = undefined;
});
const tempDir = useTempDirs();

describe('leaderboards in Notion', () => {
  it('upserts changes and rankings by key, without duplicates', async () => {
    boards = await startLeaderboardFake();
    notion = await startNotionFake();
    const server = notion;
    const stateDir = tempDir();
    const harness = leaderboardsHarness(boards.url, stateDir);
    await harness.collect(new Date('2026-01-08T00:00:00Z'));
    await harness.collect(new Date('2026-01-08T06:00:00Z'));
    const file = JSON.parse(readLeaderboardFixture('/swebench/leaderboards.json')) as {
      leaderboards: Array<{ name: string; results: Array<Record<string, unknown> & { resolved: number }> }>;
    };
    const lite = file.leaderboards.find((b) => b.name === 'Lite');
    lite?.results.push({
      ...lite.results[0],
      name: 'Radar Lite Agent',
      folder: '20260109_radar_lite',
      resolved: 99,
      warning: null,
    });
    boards.setFile('/swebench/leaderboards.json', JSON.stringify(file));
    await harness.collect(new Date('2026-01-09T00:00:00Z'));
    await harness.collect(new Date('2026-01-09T06:00:00Z'));

    const config = RadarConfig.parse({ notion: { parentPageId: server.rootPageId } });
    const store = createLeaderboardsStore(stateDir);
    const api = fakeApi(server);
    const deps = {
      config,
      stores: createFileStores(stateDir),
      logger: silentLogger(),
      api,
      env: { secrets: {} },
    };
    const now = new Date('2026-01-09T12:00:00Z');
    const first = await publishLeaderboardsToNotion(deps, store, now);
    const events = await store.readChanges('swebench');
    expect(events.length).toBeGreaterThan(1);
    expect(first).toMatch(
      new RegExp(
        `^notion: changes: ${events.length} created, 0 updated, 0 unchanged, 0 failed; rankings: \\d+ created`,
      ),
    );

    const mapStore = createNotionMapStore(stateDir);
    const changesDb = await ensureDatabase({ api, mapStore }, LEADERBOARD_CHANGES_DATABASE, {});
    const rankingsDb = await ensureDatabase({ api, mapStore }, MODEL_RANKINGS_DATABASE, {});
    expect(changesDb.created).toBe(false);
    const changePages = server.pages(changesDb.dataSourceId);
    expect(changePages).toHaveLength(events.length);
    const top = changePages.find((p) => p.text[CHANGE_PROPS.kind] === 'new_sota');
    expect(top?.text).toMatchObject({ Board: 'SWE-bench Lite', Entry: 'Radar Lite Agent', Score: '99' });
    expect(top?.properties.Day).toMatchObject({ date: { start: '2026-01-09' } });
    expect(top?.text.Change).toMatch(/^🏆 SWE-bench Lite — new top: Radar Lite Agent 99\.00 %/);
    const rankingPages = server.pages(rankingsDb.dataSourceId);
    expect(rankingPages.length).toBeGreaterThan(1);
    const keys = rankingPages.map((p) => p.text[RANKING_PROPS.key]);
    expect(new Set(keys).size).toBe(keys.length);
    expect(
      rankingPages.every(
        (p) => p.text[RANKING_PROPS.overall] !== undefined && p.text[RANKING_PROPS.codingAsOf] !== undefined,
      ),
    ).toBe(true);

    const writes = () =>
      server.requests.filter((r) => r.method !== 'GET' && !r.path.endsWith('/query')).length;
    const before = writes();
    const second = await publishLeaderboardsToNotion(deps, store, now);
    expect(second).toMatch(
      /changes: 0 created, 0 updated, \d+ unchanged, 0 failed; rankings: 0 created, 0 updated, \d+ unchanged/,
    );
    expect(writes()).toBe(before);
    expect(server.pages(changesDb.dataSourceId)).toHaveLength(events.length);
  }, 60_000);
});
