/** `radar feedback poll` with the real @notionhq/client against the Notion fake (minute-precision times). */
import { afterEach, describe, expect, it } from 'vitest';
import { FEEDBACK_CURSOR_KEY, pollFeedback } from '../src/adapters/notion/feedback-poll.ts';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import { createNotionPublisher } from '../src/adapters/notion/notion-publisher.ts';
import { PAPERS_DATABASE } from '../src/adapters/notion/schema.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createKvStore } from '../src/store/kv-store.ts';
import { createLabelsStore } from '../src/store/labels-store.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { fakeApi, makeItem, paperIds } from './helpers/notion.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(count: number) {
  let now = Date.parse('2026-11-21T09:00:10.000Z');
  fake = await startNotionFake({ now: () => new Date(now) });
  const server = fake;
  const stateDir = tempDir();
  const mapStore = createNotionMapStore(stateDir);
  const api = fakeApi(server);
  const { dataSourceId } = await ensureDatabase({ api, mapStore }, PAPERS_DATABASE, {
    parentPageId: server.rootPageId,
  });
  const ids = paperIds(count);
  await createNotionPublisher({ api, mapStore, logger: silentLogger() }, { dataSourceId }).publish(
    'd',
    ids.map((id) => makeItem(id)),
  );
  const pages = (await mapStore.load()).pages.Papers ?? {};
  const labels = createLabelsStore(stateDir);
  const kv = createKvStore(stateDir);
  const newLabelCalls: number[] = [];
  const poll = () =>
    pollFeedback({
      api,
      labels,
      kv,
      dataSourceId,
      logger: silentLogger(),
      now: () => new Date(now),
      onNewLabels: async (changes) => {
        newLabelCalls.push(changes.length);
      },
    });
  const advance = (ms: number) => {
    now += ms;
    return new Date(now);
  };
  const edit = (id: string, value: string | null) =>
    server.setPageProperty(
      pages[id] ?? '',
      'Feedback',
      { select: value === null ? null : { name: value } },
      { at: new Date(now) },
    );
  return { server, ids, labels, kv, poll, advance, edit, newLabelCalls };
}

describe('notion feedback poll', () => {
  it('reads Feedback of more than 100 edited pages into labels, idempotently, and removes a cleared one', async () => {
    const { ids, labels, kv, poll, advance, edit, newLabelCalls } = await setup(130);
    advance(60_000);
    for (const [i, id] of ids.slice(0, 105).entries()) edit(id, i % 3 === 0 ? '👎' : '👍');

    const first = await poll();
    expect(first.pages).toBe(130);
    expect(first.newLabels).toBe(105);
    const rows = await labels.readAll();
    expect(rows).toHaveLength(105);
    expect(rows[0]).toMatchObject({
      id: '2611.00001',
      label: -1,
      source: 'notion',
      at: '2026-11-21T09:01:00.000Z',
    });
    expect(rows[1]).toMatchObject({ id: '2611.00002', label: 1 });
    expect(await kv.get(FEEDBACK_CURSOR_KEY)).toBe('2026-11-21T09:01:10.000Z');
    expect(newLabelCalls).toEqual([105]);

    // Same minute: the query sees the same pages again, and nothing changes.
    advance(20_000);
    const again = await poll();
    expect(again.newLabels).toBe(0);
    expect(await labels.readAll()).toEqual(rows);
    expect(newLabelCalls).toEqual([105]);

    advance(60_000);
    edit('2611.00002', null);
    edit('2611.00003', '👎');
    const third = await poll();
    // The cursor (09:01:30) is floored to its minute, so the 09:01 edits are read again, harmlessly.
    expect(third.pages).toBe(105);
    expect(third.newLabels).toBe(2);
    const after = new Map((await labels.readAll()).map((l) => [l.id, l.label]));
    expect(after.has('2611.00002')).toBe(false);
    expect(after.get('2611.00003')).toBe(-1);
    expect(after.size).toBe(104);
  });

  it('a cleared Feedback does not remove a label that came from chat', async () => {
    const { labels, poll, advance, edit } = await setup(1);
    await labels.apply([
      {
        kind: 'set',
        label: { id: '2611.00001', label: 1, source: 'telegram', user: 'u', at: '2026-11-21T08:00:00.000Z' },
      },
    ]);
    advance(60_000);
    edit('2611.00001', null);
    const result = await poll();
    expect(result.newLabels).toBe(0);
    expect(await labels.readAll()).toHaveLength(1);
  });

  it('leaves the cursor where it was when the query fails', async () => {
    const { server, kv, poll } = await setup(1);
    server.injectError({ status: 400, code: 'validation_error', match: (r) => r.path.endsWith('/query') });
    await expect(poll()).rejects.toThrow(/validation_error/);
    expect(await kv.get(FEEDBACK_CURSOR_KEY)).toBeUndefined();
  });
});
