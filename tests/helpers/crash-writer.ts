/**
 * The child of the crash test: holds the state lock and rewrites large shards generation
 * after generation (papers CSV, embeddings parquet + cache, labels, a ledger append) until it is
 * killed. Every row of generation g carries g, so a reader can tell old from new from torn.
 */
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { appendJsonl } from '../../src/store/jsonl-file.ts';
import { createLabelsStore } from '../../src/store/labels-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { statePaths } from '../../src/store/paths.ts';
import { acquireStateLock } from '../../src/store/state-lock.ts';
import { makePaper } from './papers.ts';

const CRASH_DIMS = 384;
const stateDir = process.argv[2];
const rows = Number(process.argv[3]);
if (!stateDir || !Number.isInteger(rows)) throw new Error('usage: crash-writer <state-dir> <rows>');

await acquireStateLock(stateDir, 'crash-writer');
const papers = createPapersStore(stateDir);
const embeddings = createEmbeddingsStore(stateDir, 'crash-model');
const labels = createLabelsStore(stateDir);
if (!(await embeddings.readMeta())) {
  await embeddings.writeMeta({
    model: 'crash-model',
    backend: 'test',
    dims: CRASH_DIMS,
    normalize: false,
    createdAt: new Date().toISOString(),
  });
}
const start = Number((await papers.readShard('2511'))[0]?.version ?? 0) + 1;
const ids = Array.from({ length: rows }, (_, i) => `2511.${String(i).padStart(5, '0')}`);

for (let gen = start; ; gen++) {
  const at = new Date(Date.UTC(2026, 10, 1) + gen * 1000).toISOString();
  await papers.upsert(
    ids.map((id) =>
      makePaper(id, {
        version: gen,
        title: `generation ${gen}`,
        abstract: `g${gen} `.repeat(150),
        updated: at,
      }),
    ),
  );
  await embeddings.upsert(ids.map((id) => ({ id, vector: new Float32Array(CRASH_DIMS).fill(gen) })));
  await labels.apply(
    ids.slice(0, 200).map((id) => ({
      kind: 'set' as const,
      label: { id, label: gen % 2 === 0 ? 1 : -1, source: 'cli' as const, user: String(gen), at },
    })),
  );
  await appendJsonl(statePaths(stateDir).ledgerShard('2511'), [
    {
      at,
      provider: 'test',
      model: 'm',
      purpose: `generation ${gen}`,
      inputTokens: gen,
      outputTokens: 0,
      costUsd: 0,
      latencyMs: 0,
      ok: true,
    },
  ]);
  process.stdout.write(`gen ${gen}\n`);
}
