/**
 * `radar sync push` through the real @huggingface/hub client against the Hub fake: only changed
 * files are uploaded (the fake counts the bytes it received), derived data never, a second push
 * uploads nothing, and a failed or refused commit leaves the state and the record untouched so
 * the next push retries.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createHubRepo } from '../../src/adapters/huggingface/hub-repo.ts';
import { RadarError, UsageError } from '../../src/core/errors.ts';
import { SyncConflictError } from '../../src/sync/sync-errors.ts';
import { pushState } from '../../src/sync/sync-push.ts';
import { type HubFake, startHubFake } from '../fakes/hf-hub-fake.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { addDayOfWork, BACKED_UP, buildState, depsFor, filesUnder, REPO, TOKEN } from './sync-setup.ts';

const tempDir = useTempDirs();
let fake: HubFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setUp(options: { echoToken?: boolean } = {}) {
  const hub = await startHubFake({ token: TOKEN, ...options });
  fake = hub;
  hub.createRepo(REPO);
  const stateDir = tempDir();
  await buildState(stateDir);
  return { hub, stateDir, deps: depsFor(stateDir, hub.url) };
}

const receivedBytes = (hub: HubFake): number => hub.received().reduce((sum, r) => sum + r.bytes, 0);
const recordText = (stateDir: string): string => readFileSync(join(stateDir, 'sync', 'hf.json'), 'utf8');

describe('sync push', () => {
  it('uploads every state file once, derived data and temp files never, parquet through LFS', async () => {
    const { hub, stateDir, deps } = await setUp();
    const result = await pushState(deps);
    expect(result.uploaded.map((f) => f.path)).toEqual(BACKED_UP);
    const local = filesUnder(stateDir);
    const remote = hub.files(REPO);
    expect([...remote.keys()].filter((p) => p !== '.gitattributes').sort()).toEqual(BACKED_UP);
    for (const path of BACKED_UP)
      expect(remote.get(path)?.equals(local.get(path) ?? Buffer.alloc(0))).toBe(true);
    const sizes = BACKED_UP.reduce((sum, p) => sum + (local.get(p)?.length ?? 0), 0);
    expect(receivedBytes(hub)).toBe(sizes);
    expect(hub.received().filter((r) => r.via === 'lfs')).toHaveLength(2);
    expect(result.commit).toBe(hub.head(REPO));
    expect(JSON.parse(recordText(stateDir))).toMatchObject({
      repo: REPO,
      branch: 'main',
      commit: result.commit,
    });
  });

  it('pushed twice, uploads nothing and makes no commit', async () => {
    const { hub, deps } = await setUp();
    await pushState(deps);
    const commits = hub.commitCount(REPO);
    const bytes = receivedBytes(hub);
    const before = hub.requests.length;
    const again = await pushState(deps);
    expect(again.commit).toBeUndefined();
    expect(again.uploaded).toEqual([]);
    expect(hub.commitCount(REPO)).toBe(commits);
    expect(receivedBytes(hub)).toBe(bytes);
    expect(
      hub.requests.slice(before).map((r) => `${r.method} ${r.path.split('/').slice(0, 5).join('/')}`),
    ).toEqual(['GET /api/datasets/ada/radar-state']);
  });

  it("a day's work uploads only the changed shards: the bytes received are theirs", async () => {
    const { hub, stateDir, deps } = await setUp();
    await pushState(deps);
    const bytes = receivedBytes(hub);
    await addDayOfWork(stateDir);
    const result = await pushState(deps);
    expect(result.uploaded.map((f) => f.path)).toEqual([
      'embeddings/hashing/2511.parquet',
      'papers/2511.csv',
    ]);
    const local = filesUnder(stateDir);
    const changed =
      (local.get('papers/2511.csv')?.length ?? 0) +
      (local.get('embeddings/hashing/2511.parquet')?.length ?? 0);
    expect(receivedBytes(hub) - bytes).toBe(changed);
    expect(
      hub
        .files(REPO)
        .get('papers/2511.csv')
        ?.equals(local.get('papers/2511.csv') ?? Buffer.alloc(0)),
    ).toBe(true);
  });

  it('a failed commit leaves the state and the record untouched; the next push uploads the same files', async () => {
    const { hub, stateDir, deps } = await setUp();
    await pushState(deps);
    const record = recordText(stateDir);
    await addDayOfWork(stateDir);
    const local = filesUnder(stateDir);
    const head = hub.head(REPO);
    hub.inject({
      fault: { kind: 'status', status: 500, body: { error: 'Internal Error' } },
      match: (r) => r.path.includes('/commit/'),
    });
    await expect(pushState(deps)).rejects.toThrow(/committing .*the Hub answered 500/);
    expect(hub.head(REPO)).toBe(head);
    expect(recordText(stateDir)).toBe(record);
    expect(filesUnder(stateDir)).toEqual(local);
    const retried = await pushState(deps);
    expect(retried.uploaded.map((f) => f.path)).toEqual([
      'embeddings/hashing/2511.parquet',
      'papers/2511.csv',
    ]);
    expect(hub.head(REPO)).toBe(retried.commit);
    expect(JSON.parse(recordText(stateDir)).commit).toBe(retried.commit);
  });

  it('retries 429 with Retry-After and 5xx answers of the other endpoints', async () => {
    const { hub, deps } = await setUp();
    hub.inject({
      fault: { kind: 'status', status: 429, retryAfter: 0 },
      match: (r) => r.path.includes('/preupload/'),
    });
    hub.inject({
      fault: { kind: 'status', status: 503 },
      match: (r) => r.path.includes('/lfs/objects/batch'),
    });
    hub.inject({
      fault: { kind: 'status', status: 429, retryAfter: 0 },
      match: (r) => r.path.includes('/commit/'),
    });
    const result = await pushState(deps);
    expect(result.commit).toBe(hub.head(REPO));
    expect(hub.requestsTo(/\/preupload\//)).toHaveLength(2);
    expect(hub.requestsTo(/\/commit\/main$/, 'POST')).toHaveLength(2);
  });

  it('retries a dropped connection and an answer that does not come in time', async () => {
    const { hub, stateDir } = await setUp();
    await pushState(depsFor(stateDir, hub.url));
    await addDayOfWork(stateDir);
    hub.commitExternally(REPO, { 'README.md': '# card\n' }); // the push has to list the tree
    const listed = hub.requestsTo(/\/tree\//).length;
    const preuploads = hub.requestsTo(/\/preupload\//).length;
    hub.inject({ fault: { kind: 'delay', ms: 30_000 }, match: (r) => r.path.includes('/tree/') });
    hub.inject({ fault: { kind: 'drop' }, match: (r) => r.path.includes('/preupload/') });
    const result = await pushState(depsFor(stateDir, hub.url, TOKEN, REPO, { timeoutMs: 300 }));
    expect(result.commit).toBe(hub.head(REPO));
    expect(hub.requestsTo(/\/tree\//)).toHaveLength(listed + 2);
    expect(hub.requestsTo(/\/preupload\//)).toHaveLength(preuploads + 2);
  });

  it('a commit that lands elsewhere mid-push is refused (412); the record stays, the next push completes', async () => {
    const { hub, stateDir, deps } = await setUp();
    await pushState(deps);
    const record = recordText(stateDir);
    await addDayOfWork(stateDir);
    hub.beforeNextCommit(() => hub.commitExternally(REPO, { 'README.md': '# my radar\n' }));
    await expect(pushState(deps)).rejects.toThrow(/remote branch moved while pushing \(412/);
    expect(recordText(stateDir)).toBe(record);
    const next = await pushState(deps);
    expect(next.remoteMoved).toBe(true);
    expect(next.uploaded.map((f) => f.path)).toEqual(['embeddings/hashing/2511.parquet', 'papers/2511.csv']);
    expect(hub.files(REPO).get('README.md')?.toString()).toBe('# my radar\n');
  });

  it('refuses files changed on both sides unless forced', async () => {
    const { hub, stateDir, deps } = await setUp();
    await pushState(deps);
    await addDayOfWork(stateDir);
    hub.commitExternally(REPO, { 'papers/2511.csv': 'id\n' });
    const record = recordText(stateDir);
    const error = await pushState(deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncConflictError);
    expect((error as SyncConflictError).conflicts.map((c) => c.path)).toEqual(['papers/2511.csv']);
    expect(recordText(stateDir)).toBe(record);
    const forced = await pushState(deps, { force: true });
    expect(forced.uploaded.map((f) => f.path)).toEqual([
      'embeddings/hashing/2511.parquet',
      'papers/2511.csv',
    ]);
    expect(
      hub
        .files(REPO)
        .get('papers/2511.csv')
        ?.equals(readFileSync(join(stateDir, 'papers', '2511.csv'))),
    ).toBe(true);
  });

  it('a bad token is a usage error naming HF_TOKEN, and the token never shows, also when the Hub echoes it', async () => {
    const { stateDir, hub } = await setUp({ echoToken: true });
    const wrong = 'hf_wrongTokenThatMustNotLeak0123456789';
    const error = await pushState(depsFor(stateDir, hub.url, wrong)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(String((error as Error).message)).toMatch(/refused the token \(401\).*HF_TOKEN/);
    expect(String((error as Error).message)).not.toContain(wrong);
    expect(existsSync(join(stateDir, 'sync', 'hf.json'))).toBe(false);
  });

  it('a malformed answer is named, and nothing is recorded', async () => {
    const { hub, stateDir, deps } = await setUp();
    hub.inject({ fault: { kind: 'malformed' }, match: (r) => r.path.includes('/preupload/') });
    const error = await pushState(deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RadarError);
    expect(String((error as Error).message)).toMatch(/committing .*malformed answer from the Hub/);
    expect(existsSync(join(stateDir, 'sync', 'hf.json'))).toBe(false);
  });

  it('a missing dataset says to create it', async () => {
    const { stateDir, hub } = await setUp();
    await expect(pushState(depsFor(stateDir, hub.url, TOKEN, 'ada/missing'))).rejects.toThrow(
      /datasets\/ada\/missing does not exist .*create the dataset/,
    );
  });
});

describe('sync push to a branch that does not exist', () => {
  it('says to create the branch or set sync.branch', async () => {
    const hub = await startHubFake({ token: TOKEN });
    fake = hub;
    hub.createRepo(REPO);
    const stateDir = tempDir();
    await buildState(stateDir);
    const deps = depsFor(stateDir, hub.url);
    const onBranch = {
      ...deps,
      remote: createHubRepo({ repo: REPO, branch: 'backup', endpoint: hub.url, token: TOKEN }),
    };
    await expect(pushState(onBranch)).rejects.toThrow(
      /the branch backup does not exist on datasets\/ada\/radar-state \(404\)/,
    );
    expect(existsSync(join(stateDir, 'sync', 'hf.json'))).toBe(false);
  });
});

describe('sync push progress', () => {
  it('reports the hashing and the upload, ending at the total bytes', async () => {
    const { stateDir, hub } = await setUp();
    const updates: Array<[string, number, number]> = [];
    const deps = {
      ...depsFor(stateDir, hub.url),
      progress: {
        update: (label: string, done: number, total: number) => updates.push([label, done, total]),
      },
    };
    const result = await pushState(deps);
    const total = result.uploaded.reduce((sum, f) => sum + f.size, 0);
    const uploads = updates.filter(([label]) => label === 'uploading');
    expect(uploads[0]).toEqual(['uploading', 0, total]);
    expect(uploads.at(-1)).toEqual(['uploading', total, total]);
    for (let i = 1; i < uploads.length; i++)
      expect(uploads[i]?.[1]).toBeGreaterThanOrEqual(uploads[i - 1]?.[1] ?? 0);
    expect(updates.filter(([label]) => label === 'hashing the state').at(-1)).toEqual([
      'hashing the state',
      6,
      6,
    ]);
  });
});
