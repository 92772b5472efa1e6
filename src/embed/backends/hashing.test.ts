import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { samplePapers } from '../../../tests/helpers/embed-sample.ts';
import { readEnv } from '../../config/env.ts';
import { StateFileError } from '../../core/errors.ts';
import { createLogger } from '../../log/logger.ts';
import { idfFilePath } from '../../store/idf-file.ts';
import { cosine } from '../text-features.ts';
import { createHashingEmbedder, createStoredHashingEmbedder } from './hashing.ts';

const papers = samplePapers();
const texts = papers.map((p) => `${p.title}\n\n${p.abstract}`);
const abstracts = papers.map((p) => p.abstract);

function rank(query: Float32Array, candidates: Float32Array[]): number[] {
  return candidates
    .map((c, i) => [i, cosine(query, c)] as const)
    .sort((a, b) => b[1] - a[1])
    .map(([i]) => i);
}

describe('hashing embedder', () => {
  it('is deterministic across instances and returns unit vectors of the configured dims', async () => {
    const a = createHashingEmbedder({ dims: 384 });
    const b = createHashingEmbedder({ dims: 384 });
    a.fit(texts);
    b.fit([...texts]);
    const [va, vb] = [await a.embed(texts.slice(0, 5)), await b.embed(texts.slice(0, 5))];
    expect(va.map((v) => Array.from(v))).toEqual(vb.map((v) => Array.from(v)));
    for (const v of va) {
      expect(v).toHaveLength(384);
      expect(Math.hypot(...v)).toBeCloseTo(1, 5);
    }
  });

  it('finds a paper from its title among 50 real abstracts', async () => {
    const embedder = createHashingEmbedder({ dims: 384 });
    embedder.fit(texts);
    const docs = await embedder.embed(abstracts);
    const queries = await embedder.embed(papers.map((p) => p.title));
    const top1 = queries.filter((q, i) => rank(q, docs)[0] === i).length;
    expect(top1 / papers.length).toBeGreaterThanOrEqual(0.8);
  });

  it('puts papers of the same primary category among the nearest neighbours, far above chance', async () => {
    const embedder = createHashingEmbedder({ dims: 384 });
    embedder.fit(texts);
    const vectors = await embedder.embed(texts);
    let agree = 0;
    vectors.forEach((v, i) => {
      const neighbours = rank(v, vectors)
        .filter((j) => j !== i)
        .slice(0, 5);
      agree += neighbours.filter((j) => papers[j]?.primaryCategory === papers[i]?.primaryCategory).length;
    });
    // chance: 9 of the 49 others share the category (0.18); measured 0.38
    expect(agree / (5 * papers.length)).toBeGreaterThan(0.3);
  });
});

describe('stored hashing embedder', () => {
  let stateDir: string;
  const deps = () => ({
    env: readEnv({}),
    logger: createLogger({ level: 'silent' }),
    modelsDir: '/nonexistent',
    stateDir,
  });

  beforeEach(async () => {
    stateDir = await mkdtemp(join(tmpdir(), 'radar-hashing-'));
  });
  afterEach(async () => {
    await rm(stateDir, { recursive: true, force: true });
  });

  it('saves the fitted idf and a new instance loads it and embeds identically', async () => {
    const first = createStoredHashingEmbedder('hashing-384', { backend: 'hashing', dims: 384 }, deps());
    expect(await first.corpusFit?.load()).toBe(false);
    await first.corpusFit?.fit(texts);
    const saved = JSON.parse(await readFile(idfFilePath(stateDir, 'hashing-384'), 'utf8'));
    expect(saved.docCount).toBe(50);

    const second = createStoredHashingEmbedder('hashing-384', { backend: 'hashing', dims: 384 }, deps());
    expect(await second.corpusFit?.load()).toBe(true);
    const [a, b] = [await first.embed(texts.slice(0, 3)), await second.embed(texts.slice(0, 3))];
    expect(b.map((v) => Array.from(v))).toEqual(a.map((v) => Array.from(v)));
    const unfitted = await createHashingEmbedder({ dims: 384 }).embed(texts.slice(0, 1));
    expect(Array.from(unfitted[0] ?? [])).not.toEqual(Array.from(a[0] ?? []));
  });

  it('loads the saved idf on first embed when the caller never called load()', async () => {
    const fitted = createStoredHashingEmbedder('hashing-384', { backend: 'hashing', dims: 384 }, deps());
    await fitted.corpusFit?.fit(texts);
    const lazy = createStoredHashingEmbedder('hashing-384', { backend: 'hashing', dims: 384 }, deps());
    const [a, b] = [await fitted.embed(texts.slice(0, 2)), await lazy.embed(texts.slice(0, 2))];
    expect(b.map((v) => Array.from(v))).toEqual(a.map((v) => Array.from(v)));
  });

  it('refuses a corrupt idf file with the file named', async () => {
    const { writeFileAtomic } = await import('../../store/atomic-write.ts');
    await writeFileAtomic(
      idfFilePath(stateDir, 'hashing-384'),
      '{"slots": 3, "docCount": 1, "df": [0, 2, 0], "fittedAt": "2026-01-01T00:00:00Z"}',
    );
    const embedder = createStoredHashingEmbedder('hashing-384', { backend: 'hashing', dims: 384 }, deps());
    await expect(embedder.corpusFit?.load()).rejects.toThrow(StateFileError);
  });
});
