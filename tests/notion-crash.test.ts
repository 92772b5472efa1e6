/**
 * A crash between creating a Notion page and recording it: a child publisher is SIGKILLed right
 * after the fake answered its pages.create; the next run must find that page, not create another.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import { PAPERS_DATABASE } from '../src/adapters/notion/schema.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { type NotionFake, startNotionFake } from './fakes/notion-fake.ts';
import { fakeApi, paperIds } from './helpers/notion.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
const CHILD = join(import.meta.dirname, 'helpers', 'notion-publish-child.ts');
let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function runChild(
  args: string[],
  killOn?: string,
): Promise<{ stdout: string; signal: NodeJS.Signals | null; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    if (killOn && stdout.includes(killOn)) child.kill('SIGKILL');
  });
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal === null) reject(new Error(`child failed (${code}): ${stderr}`));
      else resolve({ stdout, signal, code });
    });
  });
}

describe('notion publish crash safety', () => {
  it('a process killed between pages.create and recording it leaves exactly one page per arXiv id after the re-run', async () => {
    fake = await startNotionFake();
    const server = fake;
    const stateDir = tempDir();
    const mapStore = createNotionMapStore(stateDir);
    const { dataSourceId } = await ensureDatabase({ api: fakeApi(server), mapStore }, PAPERS_DATABASE, {
      parentPageId: server.rootPageId,
    });
    const ids = paperIds(3);

    const killed = await runChild(
      [server.url, stateDir, dataSourceId, '3', '--hang-after-create'],
      'created',
    );
    expect(killed.signal).toBe('SIGKILL');
    expect(server.pages(dataSourceId)).toHaveLength(1);
    const crashed = await mapStore.load();
    expect(crashed.pages.Papers?.[ids[0] ?? '']).toBeUndefined();
    expect(crashed.pending.Papers?.[ids[0] ?? '']).toBeDefined();

    const rerun = await runChild([server.url, stateDir, dataSourceId, '3']);
    expect(rerun.code).toBe(0);
    const counts = new Map<string, number>();
    for (const page of server.pages(dataSourceId))
      counts.set(page.text['arXiv ID'] ?? '', (counts.get(page.text['arXiv ID'] ?? '') ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual(Object.fromEntries(ids.map((id) => [id, 1])));
    const after = await mapStore.load();
    expect(Object.keys(after.pages.Papers ?? {}).sort()).toEqual(ids);
    expect(after.pending).toEqual({});
    // The page from the killed run kept its id and got its body exactly once.
    const first = server.pages(dataSourceId).find((p) => p.text['arXiv ID'] === ids[0]);
    expect(after.pages.Papers?.[ids[0] ?? '']).toBe(first?.id);
    expect(server.blocks(first?.id ?? '').filter((b) => b.text === 'TL;DR')).toHaveLength(1);
  });
});
