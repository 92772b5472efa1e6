/**
 * Publishing: one publisher's failure (Notion down) never keeps the others (the local digest) from
 * running; each failed item is recorded per publisher. `radar publish --ids X` adds X to the day's
 * local digest instead of replacing it. The pipeline creates the Papers database under
 * `notion.parentPageId` when there is none yet.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { papersDataSourceId } from '../../src/adapters/notion/notion-setup.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { StepContext } from '../../src/pipeline/pipeline-step.ts';
import { createPublishStep } from '../../src/pipeline/steps/publish-step.ts';
import { createLocalPublisher } from '../../src/publish/local/local-publisher.ts';
import type { Publisher } from '../../src/publish/publisher.ts';
import { createNotionMapStore } from '../../src/store/notion-map-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { createPicksStore } from '../../src/store/picks-store.ts';
import { createSummariesStore } from '../../src/store/summaries-store.ts';
import { type NotionFake, startNotionFake } from '../fakes/notion-fake.ts';
import { fakeApi, makeItem } from '../helpers/notion.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const DAY = '2026-11-21';

function stepContext(failures: Array<[string, string]>): StepContext {
  return {
    runId: 'r1',
    day: DAY,
    offline: false,
    signal: new AbortController().signal,
    logger: silentLogger(),
    itemFailed: (item, error) => failures.push([item, error]),
    progress: () => undefined,
  };
}

describe('the publish step', () => {
  it('still writes the local digest when the Notion publisher throws, and records the failure per item', async () => {
    const state = tempDir();
    const ids = ['2611.00001', '2611.00002'];
    await createPapersStore(state).upsert(ids.map((id) => makePaper(id)));
    await createPicksStore(state).append(
      ids.map((id, i) => ({ date: DAY, id, model: 'm', score: 1 - i / 10, reason: 'top' as const })),
    );
    const notionDown: Publisher = {
      name: 'notion',
      publish: () => Promise.reject(new Error('Notion answered 502 Bad Gateway')),
    };
    const step = createPublishStep({
      items: {
        papers: createPapersStore(state),
        picks: createPicksStore(state),
        summaries: createSummariesStore(state),
        models: ['m'],
      },
      publishers: [notionDown, createLocalPublisher(join(state, 'out'))],
    });
    const failures: Array<[string, string]> = [];
    const outcome = await step.run(stepContext(failures));
    expect(failures).toEqual(ids.map((id) => [`notion:${id}`, 'Notion answered 502 Bad Gateway']));
    expect(outcome.counts).toMatchObject({ items: 2, published: 2, failed: 2 });
    const digest = outcome.outputs?.digest;
    expect(digest).toBe(join(state, 'out', `digest-${DAY}.html`));
    expect(existsSync(join(state, 'out', 'papers', '2611.00002.md'))).toBe(true);
  });
});

describe('the local publisher', () => {
  it('adds papers published later the same day to the digest instead of replacing it', async () => {
    const out = join(tempDir(), 'out');
    const local = createLocalPublisher(out);
    await local.publish(DAY, [makeItem('2611.00001'), makeItem('2611.00002')]);
    await local.publish(DAY, [
      makeItem('2611.00003', { paper: makePaper('2611.00003', { title: 'A later paper' }) }),
    ]);
    const html = readFileSync(join(out, `digest-${DAY}.html`), 'utf8');
    for (const id of ['2611.00001', '2611.00002', '2611.00003']) expect(html).toContain(id);
    expect(html).toContain('A later paper');
  });

  it('shows a re-published paper once, with its newest content', async () => {
    const out = join(tempDir(), 'out');
    const local = createLocalPublisher(out);
    await local.publish(DAY, [
      makeItem('2611.00001', { paper: makePaper('2611.00001', { title: 'Old title' }) }),
    ]);
    await local.publish(DAY, [
      makeItem('2611.00001', { paper: makePaper('2611.00001', { title: 'New title' }) }),
    ]);
    const html = readFileSync(join(out, `digest-${DAY}.html`), 'utf8');
    expect(html).toContain('New title');
    expect(html).not.toContain('Old title');
  });
});

describe('the Papers database of the pipeline', () => {
  it('is created under notion.parentPageId when the state has none yet', async () => {
    fake = await startNotionFake();
    const mapStore = createNotionMapStore(tempDir());
    const config = RadarConfig.parse({ notion: { parentPageId: fake.rootPageId } });
    const dataSourceId = await papersDataSourceId(fakeApi(fake), mapStore, config);
    expect(fake.dataSource(dataSourceId).title).toBe('Papers');
    expect((await mapStore.load()).databases.Papers?.dataSourceId).toBe(dataSourceId);
  });
});
