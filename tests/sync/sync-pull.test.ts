/**
 * `radar sync pull` through the real client against the Hub fake: a fresh directory gets the
 * state back (`radar state check` clean, a push right after uploads nothing); a state that holds
 * files is refused unless forced, and forced, nothing local is lost silently.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { pullState } from '../../src/sync/sync-pull.ts';
import { pushState } from '../../src/sync/sync-push.ts';
import { type HubFake, startHubFake } from '../fakes/hf-hub-fake.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { BACKED_UP, buildState, depsFor, filesUnder, REPO, TOKEN } from './sync-setup.ts';

const tempDir = useTempDirs();
let fake: HubFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A state pushed to the fake, whose remote also holds a dataset card and an older file. */
async function pushed() {
  const hub = await startHubFake({ token: TOKEN, treePageSize: 3 });
  fake = hub;
  hub.createRepo(REPO, { 'README.md': '# radar state\n', 'data/2023.parquet': Buffer.from([0, 1, 2, 3]) });
  const source = tempDir();
  await buildState(source);
  await pushState(depsFor(source, hub.url));
  return { hub, source };
}

describe('sync pull', () => {
  it('restores a fresh directory: the same bytes, state check clean, and a push after it uploads nothing', async () => {
    const { hub, source } = await pushed();
    const fresh = join(tempDir(), 'state');
    const result = await pullState(depsFor(fresh, hub.url));
    expect(result.downloaded.map((e) => e.path)).toEqual(BACKED_UP);
    expect(result.foreign).toEqual(['.gitattributes', 'README.md', 'data/2023.parquet']);
    const restored = filesUnder(fresh);
    const original = filesUnder(source);
    for (const path of BACKED_UP)
      expect(restored.get(path)?.equals(original.get(path) ?? Buffer.alloc(0))).toBe(true);
    expect([...restored.keys()].sort()).toEqual([...BACKED_UP, 'sync/hf.json'].sort());
    const reports = await checkState(fresh);
    expect(reports.filter((r) => r.status !== 'ok' && r.status !== 'skipped')).toEqual([]);
    expect(isClean(reports)).toBe(true);
    expect((await createFileStores(fresh).syncRecord.read())?.commit).toBe(hub.head(REPO));
    const bytes = hub.received().length;
    const again = await pushState(depsFor(fresh, hub.url));
    expect(again.commit).toBeUndefined();
    expect(hub.received()).toHaveLength(bytes);
  });

  it('refuses a state that holds files, and changes nothing', async () => {
    const { hub } = await pushed();
    const target = tempDir();
    await buildState(target);
    writeFileSync(join(target, 'labels.csv'), 'id,label,source,user,at\n');
    const before = filesUnder(target);
    const error = await pullState(depsFor(target, hub.url)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(String((error as Error).message)).toMatch(/already holds 6 state file\(s\).*--force/);
    expect(filesUnder(target)).toEqual(before);
  });

  it('forced, replaces what differs, keeping a copy of each replaced file, and keeps local-only files', async () => {
    const { hub, source } = await pushed();
    const target = tempDir();
    await buildState(target);
    const edited = 'id,label,source,user,at\n';
    writeFileSync(join(target, 'labels.csv'), edited);
    writeFileSync(join(target, 'tags.json'), '{"tags":[]}\n');
    const result = await pullState(depsFor(target, hub.url), { force: true });
    expect(result.downloaded.map((e) => e.path)).toEqual(['labels.csv']);
    expect(result.replaced).toEqual([
      { path: 'labels.csv', backup: 'sync/backup/20261201T030000Z/labels.csv' },
    ]);
    expect(readFileSync(join(target, 'sync/backup/20261201T030000Z/labels.csv'), 'utf8')).toBe(edited);
    expect(readFileSync(join(target, 'labels.csv'))).toEqual(readFileSync(join(source, 'labels.csv')));
    expect(result.keptLocal).toContain('tags.json');
  });

  it('a download that does not match the listing replaces nothing', async () => {
    const { hub } = await pushed();
    const fresh = tempDir();
    hub.inject({
      fault: {
        kind: 'status',
        status: 200,
        body: 'id,title\n2511.99999,forged\n',
        headers: { 'content-type': 'application/octet-stream' },
      },
      match: (r) => r.path.endsWith('/papers/2511.csv') && r.headers.range === undefined,
    });
    await expect(pullState(depsFor(fresh, hub.url))).rejects.toThrow(
      /papers\/2511\.csv: the download does not match the remote listing/,
    );
    expect(filesUnder(fresh).has('papers/2511.csv')).toBe(false);
    expect(filesUnder(fresh).has('sync/hf.json')).toBe(false);
  });
});
