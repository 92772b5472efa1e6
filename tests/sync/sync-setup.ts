/** A small real state (papers, labels, vectors in two shards, derived data beside) and the wiring to a Hub fake. */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { hubSyncDeps } from '../../src/adapters/huggingface/hub-sync-deps.ts';
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { createLabelsStore } from '../../src/store/labels-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import type { SyncDeps } from '../../src/sync/sync-ports.ts';
import { makePaper } from '../helpers/papers.ts';

export const TOKEN = 'hf_radarSyncTestToken0123456789abcdef';
export const REPO = 'ada/radar-state';
const MODEL = 'hashing';

function vector(seed: number): Float32Array {
  return Float32Array.from({ length: 32 }, (_, i) => Math.sin(seed * 7.3 + i));
}

/** The files buildState writes that a push backs up, sorted. */
export const BACKED_UP = [
  'embeddings/hashing/2510.parquet',
  'embeddings/hashing/2511.parquet',
  'embeddings/hashing/model.json',
  'labels.csv',
  'papers/2510.csv',
  'papers/2511.csv',
];

/** Papers and vectors of shards 2510 and 2511, a label; index/, out/, cache/ and a temp file beside. */
export async function buildState(stateDir: string): Promise<void> {
  const papers = ['2510.00001', '2510.00002', '2511.00001', '2511.00002', '2511.00003'].map((id) =>
    makePaper(id, { title: `A study of ${id}` }),
  );
  await createPapersStore(stateDir).upsert(papers);
  const embeddings = createEmbeddingsStore(stateDir, MODEL);
  await embeddings.writeMeta({
    model: MODEL,
    backend: 'hashing',
    dims: 32,
    normalize: true,
    createdAt: '2026-11-20T08:00:00.000Z',
  });
  await embeddings.upsert(papers.map((p, i) => ({ id: p.id, vector: vector(i) })));
  await createLabelsStore(stateDir).apply([
    {
      kind: 'set',
      label: { id: '2511.00001', label: 1, source: 'cli', user: 'ada', at: '2026-11-21T08:00:00.000Z' },
    },
  ]);
  for (const dir of ['index/hashing', 'out', 'cache']) mkdirSync(join(stateDir, dir), { recursive: true });
  writeFileSync(join(stateDir, 'index', 'hashing', 'graph.bin'), Buffer.alloc(4096, 7));
  writeFileSync(join(stateDir, 'out', 'digest-2026-11-21.html'), '<html></html>');
  writeFileSync(join(stateDir, 'cache', 'x.json'), '{}');
  writeFileSync(join(stateDir, 'papers', '.2511.csv.tmp-1-abcd'), 'torn');
}

/** A day's work: new papers and vectors in shard 2511 only. */
export async function addDayOfWork(stateDir: string): Promise<void> {
  const papers = ['2511.00004', '2511.00005'].map((id) => makePaper(id));
  await createPapersStore(stateDir).upsert(papers);
  await createEmbeddingsStore(stateDir, MODEL).upsert(
    papers.map((p, i) => ({ id: p.id, vector: vector(10 + i) })),
  );
}

function syncConfig(endpoint: string, repo = REPO): RadarConfig {
  return RadarConfig.parse({ sync: { repo }, sources: { huggingface: { endpoint } } });
}

export function depsFor(
  stateDir: string,
  endpoint: string,
  token = TOKEN,
  repo = REPO,
  extra: { timeoutMs?: number } = {},
): SyncDeps {
  return hubSyncDeps({
    config: syncConfig(endpoint, repo),
    env: readEnv({ HF_TOKEN: token }),
    stateDir,
    stores: createFileStores(stateDir),
    logger: silentLogger(),
    clock: { now: () => new Date('2026-12-01T03:00:00.000Z') },
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...extra,
  });
}

/** Every file under `dir` (relative, `/`-separated) with its bytes. */
export function filesUnder(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).split(sep).join('/'), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}
