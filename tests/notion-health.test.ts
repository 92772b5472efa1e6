/** Notion with a refused token or down: doctor checks the token, publish says so once and stops. */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import { createNotionPublisher } from '../src/adapters/notion/notion-publisher.ts';
import { PAPERS_DATABASE } from '../src/adapters/notion/schema.ts';
import { runDoctor } from '../src/cli/commands/doctor.ts';
import type { CommandContext } from '../src/cli/context.ts';
import { readEnv } from '../src/config/env.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { createFileStores } from '../src/store/stores.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { fakeApi, makeItem } from './helpers/notion.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
const GOOD = 'secret_good_token';
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup() {
  fake = await startNotionFake({ auth: GOOD });
  const server = fake;
  const mapStore = createNotionMapStore(tempDir());
  const good = fakeApi(server, { token: GOOD });
  const { dataSourceId } = await ensureDatabase({ api: good, mapStore }, PAPERS_DATABASE, {
    parentPageId: server.rootPageId,
  });
  const publisher = (token = GOOD) =>
    createNotionPublisher(
      { api: fakeApi(server, { token }), mapStore, logger: silentLogger() },
      { dataSourceId },
    );
  return { server, publisher };
}

const items = (n: number) => Array.from({ length: n }, (_, i) => makeItem(`2611.0000${i + 1}`));

describe('a refused Notion token', () => {
  it('fails every paper with a clear reason, even pages that did not change', async () => {
    const { publisher } = await setup();
    expect((await publisher().publish('d', items(2))).results.map((r) => r.ok)).toEqual([true, true]);
    const { results } = await publisher('secret_revoked').publish('d', items(2));
    expect(results).toEqual([
      { id: '2611.00001', ok: false, error: expect.stringContaining('the Notion token was refused') },
      { id: '2611.00002', ok: false, error: expect.stringContaining('the Notion token was refused') },
    ]);
  });

  it('radar doctor checks the token with users/me', async () => {
    const { server } = await setup();
    const doctor = async (token: string) => {
      const lines: string[] = [];
      const stateDir = tempDir();
      const ctx: CommandContext = {
        env: readEnv({ NOTION_TOKEN: token }),
        loaded: {
          config: RadarConfig.parse({ notion: { baseUrl: server.url } }),
          file: undefined,
          overridden: [],
        },
        stateDir,
        logger: silentLogger(),
        cwd: tempDir(),
        stores: createFileStores(stateDir),
      };
      const code = await runDoctor(ctx, (l) => lines.push(l));
      return { code, text: lines.join('\n') };
    };
    const ok = await doctor(GOOD);
    expect(ok.code).toBe(0);
    expect(ok.text).toMatch(/notion check\s+token accepted \(integration ".+"\)/);
    const bad = await doctor('secret_wrong');
    expect(bad.code).toBe(1);
    expect(bad.text).toMatch(
      /notion check\s+the Notion token was refused \(401 unauthorized\): check NOTION_TOKEN/,
    );
    expect(server.requestsTo('/v1/users/me').length).toBeGreaterThanOrEqual(2);
  });
});

describe('Notion down for the whole run', () => {
  it('stops after the service is clearly down and says so once, instead of retrying every paper', async () => {
    const { server, publisher } = await setup();
    const before = server.requests.length;
    server.injectError({
      status: 503,
      code: 'service_unavailable',
      message: 'Notion is down.',
      times: 10_000,
    });
    const { results } = await publisher().publish('d', items(6));
    expect(results.every((r) => !r.ok)).toBe(true);
    const notTried = results.filter((r) => !r.ok && r.error.startsWith('not tried: Notion looks down'));
    expect(notTried.length).toBeGreaterThanOrEqual(4);
    // 7 attempts per call (6 retries): at most two calls' worth before the breaker opens.
    expect(server.requests.length - before).toBeLessThanOrEqual(14);
  });
});
