import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { createStoredHashingEmbedder } from '../../src/embed/backends/hashing.ts';
import { type EmbedProgress, embedPapers } from '../../src/embed/embed-papers.ts';
import type { Embedder } from '../../src/embed/embedder.ts';
import { createLogger } from '../../src/log/logger.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { idfFilePath } from '../../src/store/idf-file.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import type { Paper } from '../../src/store/schemas.ts';
import { samplePapers } from '../helpers/embed-sample.ts';

const logger = createLogger({ level: 'silent' });
const all = samplePapers();
let stateDir: string;

function hashing(dims = 64): Embedder {
  return createStoredHashingEmbedder(
    `hashing-${dims}`,
    { backend: 'hashing', dims },
    {
      env: readEnv({}),
      logger,
      modelsDir: '/nonexistent',
      stateDir,
    },
  );
}

/** Wraps an embedder with a small batch size that counts calls and can fail on one of them. */
function instrumented(inner: Embedder, options: { batchSize: number; failOnCall?: number }) {
  const calls: string[][] = [];
  const embedder: Embedder = {
    id: inner.id,
    backend: inner.backend,
    dims: inner.dims,
    maxInputTokens: inner.maxInputTokens,
    batchSize: options.batchSize,
    ...(inner.corpusFit ? { corpusFit: inner.corpusFit } : {}),
    async embed(texts, signal) {
      calls.push([...texts]);
      if (calls.length === options.failOnCall) throw new Error('embedding server died');
      return inner.embed(texts, signal);
    },
  };
  return { embedder, calls };
}

async function run(
  embedder: Embedder,
  papers: readonly Paper[],
  options: Parameters<typeof embedPapers>[2] = {},
) {
  const store = createEmbeddingsStore(stateDir, embedder.id);
  await createPapersStore(stateDir).upsert(papers);
  return embedPapers(
    embedder,
    { readPapers: () => createPapersStore(stateDir).readAll(), store, logger },
    options,
  );
}

async function idfDocCount(model: string): Promise<number> {
  return JSON.parse(await readFile(idfFilePath(stateDir, model), 'utf8')).docCount;
}

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'radar-embed-'));
});
afterEach(async () => {
  await rm(stateDir, { recursive: true, force: true });
});

describe('embedPapers', () => {
  it('embeds every paper on the first run, then only the new ones, keeping the idf fixed', async () => {
    const progress: EmbedProgress[] = [];
    const first = await run(hashing(), all.slice(0, 45), { onProgress: (p) => progress.push(p) });
    expect(first).toMatchObject({ model: 'hashing-64', embedded: 45, alreadyHad: 0, fullReembed: false });
    expect(progress.at(-1)).toEqual({ model: 'hashing-64', done: 45, total: 45 });
    const store = createEmbeddingsStore(stateDir, 'hashing-64');
    const before = await store.load();
    expect(await store.readMeta()).toMatchObject({
      model: 'hashing-64',
      backend: 'hashing',
      dims: 64,
      normalize: true,
    });

    const { embedder, calls } = instrumented(hashing(), { batchSize: 100 });
    const second = await run(embedder, all);
    expect(second).toMatchObject({ embedded: 5, alreadyHad: 45, fullReembed: false });
    expect(calls.flat()).toHaveLength(5);
    expect(await idfDocCount('hashing-64')).toBe(45);

    const after = await store.load();
    expect(after.ids).toHaveLength(50);
    const row = (m: typeof after, id: string) =>
      Array.from(m.data.subarray(m.ids.indexOf(id) * 64, (m.ids.indexOf(id) + 1) * 64));
    const old = before.ids[0] ?? '';
    expect(row(after, old)).toEqual(row(before, old));

    const third = await run(hashing(), all);
    expect(third).toMatchObject({ embedded: 0, alreadyHad: 50 });
  });

  it('refits the idf on --refit and re-embeds every paper', async () => {
    await run(hashing(), all.slice(0, 20));
    const result = await run(hashing(), all, { refit: true });
    expect(result).toMatchObject({ embedded: 50, alreadyHad: 0, fullReembed: true });
    expect(await idfDocCount('hashing-64')).toBe(50);
    expect(
      (await createEmbeddingsStore(stateDir, 'hashing-64').readMeta())?.extra?.reembedPending,
    ).toBeUndefined();
  });

  it('refuses a model whose configured dims differ from its stored vectors, touching nothing', async () => {
    await run(hashing(64), all.slice(0, 5));
    const impostor: Embedder = { ...hashing(64), dims: 128 };
    const error = await run(impostor, all).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error instanceof Error && error.message)).toMatch(
      /config says dims 128, model\.json says 64/,
    );
    const store = createEmbeddingsStore(stateDir, 'hashing-64');
    expect((await store.ids()).size).toBe(5);
    expect((await store.readMeta())?.dims).toBe(64);
  });

  it('keeps the batches stored before a crash and embeds only the rest on the next run', async () => {
    const crashing = instrumented(hashing(), { batchSize: 10, failOnCall: 3 });
    await expect(run(crashing.embedder, all, { flushRows: 10 })).rejects.toThrow('embedding server died');
    expect((await createEmbeddingsStore(stateDir, 'hashing-64').ids()).size).toBe(20);

    const resumed = instrumented(hashing(), { batchSize: 10 });
    const result = await run(resumed.embedder, all, { flushRows: 10 });
    expect(result).toMatchObject({ embedded: 30, alreadyHad: 20 });
    expect(resumed.calls).toHaveLength(3);
    expect((await createEmbeddingsStore(stateDir, 'hashing-64').ids()).size).toBe(50);
  });

  it('stores pending vectors once flushMs has passed, even below flushRows', async () => {
    let clock = 0;
    const crashing = instrumented(hashing(), { batchSize: 5, failOnCall: 5 });
    const ticking: Embedder = {
      ...crashing.embedder,
      embed: (texts, signal) => {
        clock += 60;
        return crashing.embedder.embed(texts, signal);
      },
    };
    const store = createEmbeddingsStore(stateDir, 'hashing-64');
    await createPapersStore(stateDir).upsert(all);
    const deps = { readPapers: () => createPapersStore(stateDir).readAll(), store, logger, now: () => clock };
    await expect(embedPapers(ticking, deps, { flushRows: 1000, flushMs: 100 })).rejects.toThrow();
    // batches 1+2 stored at 120 ms, 3+4 at 240 ms; the 5th call fails
    expect((await store.ids()).size).toBe(20);
  });

  it('finishes an interrupted refit on the next run instead of mixing two idf fits', async () => {
    await run(hashing(), all.slice(0, 20));
    const crashing = instrumented(hashing(), { batchSize: 10, failOnCall: 2 });
    await expect(run(crashing.embedder, all, { refit: true, flushRows: 10 })).rejects.toThrow();
    expect((await createEmbeddingsStore(stateDir, 'hashing-64').readMeta())?.extra?.reembedPending).toBe(
      true,
    );

    const { embedder, calls } = instrumented(hashing(), { batchSize: 10 });
    const result = await run(embedder, all);
    expect(result).toMatchObject({ embedded: 50, fullReembed: true });
    expect(calls.flat()).toHaveLength(50);
    expect(await idfDocCount('hashing-64')).toBe(50);
    expect(
      (await createEmbeddingsStore(stateDir, 'hashing-64').readMeta())?.extra?.reembedPending,
    ).toBeUndefined();
  });

  it('re-embeds everything when the idf file is lost but vectors exist', async () => {
    await run(hashing(), all.slice(0, 10));
    await rm(idfFilePath(stateDir, 'hashing-64'));
    const result = await run(hashing(), all.slice(0, 12));
    expect(result).toMatchObject({ embedded: 12, fullReembed: true });
  });

  it('does nothing (and fits nothing) while there are no papers', async () => {
    const result = await run(hashing(), []);
    expect(result).toMatchObject({ embedded: 0, alreadyHad: 0 });
    await expect(readFile(idfFilePath(stateDir, 'hashing-64'))).rejects.toThrow();
  });

  it('after the first run reads only the papers without a vector (the ids it has are excluded)', async () => {
    await run(hashing(), all.slice(0, 45));
    const asked: Array<ReadonlySet<string> | undefined> = [];
    const papers = createPapersStore(stateDir);
    await papers.upsert(all);
    const result = await embedPapers(
      hashing(),
      {
        readPapers: async (exclude) => {
          asked.push(exclude);
          return papers.readAll(exclude ? { exclude } : {});
        },
        store: createEmbeddingsStore(stateDir, 'hashing-64'),
        logger,
      },
      {},
    );
    expect(result).toMatchObject({ embedded: 5, alreadyHad: 45 });
    expect(asked).toHaveLength(1);
    expect(asked[0]?.size).toBe(45);
  });
});
