/** `radar notion init`, `radar publish`, `radar feedback poll` end to end: the real CLI against the Notion fake. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLabelsStore } from '../src/store/labels-store.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import { createSummariesStore } from '../src/store/summaries-store.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { makeSummary, paperIds } from './helpers/notion.ts';
import { makePaper } from './helpers/papers.ts';
import { runCliAsync } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function seedState(stateDir: string, ids: readonly string[]): Promise<void> {
  await createPapersStore(stateDir).upsert(ids.map((id) => makePaper(id)));
  await createSummariesStore(stateDir).upsert(ids.map((id) => makeSummary(id)));
}

describe('radar notion / publish / feedback CLI', () => {
  it('inits the database, publishes the summarized papers, and polls Feedback into labels.csv', async () => {
    fake = await startNotionFake();
    const cwd = tempDir();
    const stateDir = join(cwd, 'state');
    const ids = paperIds(2);
    await seedState(stateDir, ids);
    const env = { NOTION_TOKEN: 'secret_cli', NOTION_BASE_URL: fake.url };

    const init = await runCliAsync(['notion', 'init', '--parent', fake.rootPageId], { cwd, env });
    expect(init.stderr).toBe('');
    expect(init.stdout).toContain('Papers: created database');
    expect(init.stdout).toContain('Benchmarks: created database');
    expect(init.status).toBe(0);
    const firstMigrate = await runCliAsync(['notion', 'migrate'], { cwd, env });
    expect(firstMigrate.stdout).toMatch(/Papers: found database[\s\S]*schema up to date/);
    expect(firstMigrate.stdout).toContain('Benchmarks: found database');

    const publish = await runCliAsync(['publish'], { cwd, env });
    expect(publish.stdout).toContain('published 2 of 2 papers to notion');
    expect(publish.status).toBe(0);
    const pageIds = (await createNotionMapStore(stateDir).load()).pages.Papers ?? {};
    expect(Object.keys(pageIds)).toEqual(ids);

    const again = await runCliAsync(['publish'], { cwd, env });
    expect(again.stdout).toContain('nothing to publish');

    fake.setPageProperty(pageIds[ids[0] ?? ''] ?? '', 'Feedback', { select: { name: '👍' } });
    const poll = await runCliAsync(['feedback', 'poll'], { cwd, env });
    expect(poll.stdout).toContain('1 label changes');
    expect(await createLabelsStore(stateDir).readAll()).toEqual([
      expect.objectContaining({ id: ids[0], label: 1, source: 'notion' }),
    ]);

    const migrate = await runCliAsync(['notion', 'migrate'], { cwd, env });
    expect(migrate.stdout).toContain('schema up to date');
  });

  it('publishes to local files under <state>/out without NOTION_TOKEN', async () => {
    const cwd = tempDir();
    const stateDir = join(cwd, 'state');
    await seedState(stateDir, ['2611.00001']);
    const result = await runCliAsync(['publish', '--ids', '2611.00001'], { cwd });
    expect(result.stdout).toContain('published 1 of 1 papers to local');
    const file = join(stateDir, 'out', 'papers', '2611.00001.md');
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain('Paper 2611.00001');
  });
});
