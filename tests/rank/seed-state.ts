import { pino } from 'pino';
import { RadarConfig } from '../../src/config/schema.ts';
import { createRandom } from '../../src/rank/prng.ts';
import { storedIndexOpener } from '../../src/rank/stored-index.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { createLabelsStore } from '../../src/store/labels-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { makePaper } from '../helpers/papers.ts';

export const DIMS = 16;
export const MODEL = 'toy-16';
const logger = pino({ level: 'silent' });

/** Topic A (the user's taste) lives on dimension 0, topic B on dimension 1, plus noise. */
function vectorFor(topic: 'a' | 'b', random: () => number): Float32Array {
  const v = Float32Array.from({ length: DIMS }, () => 0.8 * (random() - 0.5));
  v[topic === 'a' ? 0 : 1] = 1;
  return v;
}

const topicOf = (i: number): 'a' | 'b' => (i % 2 === 0 ? 'a' : 'b');
const oldId = (i: number): string => `2610.${String(i).padStart(5, '0')}`;
export const newId = (i: number): string => `2611.${String(i).padStart(5, '0')}`;

export async function seedState(tempDir: () => string, options: { labels: boolean }): Promise<string> {
  const stateDir = tempDir();
  const random = createRandom(11);
  const rows: { id: string; vector: Float32Array }[] = [];
  const papers = [];
  for (let i = 0; i < 200; i++) {
    papers.push(makePaper(oldId(i), { published: '2026-10-10T12:00:00Z', updated: '2026-10-10T12:00:00Z' }));
    rows.push({ id: oldId(i), vector: vectorFor(topicOf(i), random) });
  }
  for (let i = 0; i < 40; i++) {
    const published = `2026-11-${19 + (i % 3)}T12:00:00Z`;
    papers.push(makePaper(newId(i), { published, updated: published }));
    rows.push({ id: newId(i), vector: vectorFor(topicOf(i), random) });
  }
  // 2611.00040 is a near-copy of the liked 2611.00000 (a re-post): it must never be picked.
  papers.push(makePaper(newId(40), { published: '2026-11-21T12:00:00Z', updated: '2026-11-21T12:00:00Z' }));
  rows.push({ id: newId(40), vector: Float32Array.from(rows[200]?.vector ?? [], (x) => x * 1.001) });
  await createPapersStore(stateDir).upsert(papers);
  const store = createEmbeddingsStore(stateDir, MODEL);
  await store.writeMeta({
    model: MODEL,
    backend: 'hashing',
    dims: DIMS,
    normalize: false,
    createdAt: '2026-11-01T00:00:00Z',
  });
  await store.upsert(rows);
  if (options.labels) {
    const changes = Array.from({ length: 30 }, (_, i) => ({
      kind: 'set' as const,
      label: {
        id: oldId(i),
        label: topicOf(i) === 'a' ? (1 as const) : (-1 as const),
        source: 'cli' as const,
        user: 'u',
        at: `2026-10-${String(11 + (i % 15)).padStart(2, '0')}T00:00:00Z`,
      },
    }));
    await createLabelsStore(stateDir).apply(changes);
  }
  return stateDir;
}

export function rankDeps(stateDir: string) {
  const stores = createFileStores(stateDir);
  const config = RadarConfig.parse({
    embedding: { active: [MODEL], models: { [MODEL]: { backend: 'hashing', dims: DIMS } } },
    ranking: { models: [MODEL], picksPerDay: 6, exploreShare: 1 / 3, seedInterests: ['topic a'] },
  });
  const embed = async (texts: readonly string[]) =>
    texts.map(() => Float32Array.from({ length: DIMS }, (_, j) => (j === 0 ? 1 : 0)));
  return {
    stores,
    openIndex: storedIndexOpener(stateDir, stores, logger),
    config,
    logger,
    embedderFor: async () => embed,
  };
}
