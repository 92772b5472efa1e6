import { beforeEach, describe, expect, it } from 'vitest';
import { RadarConfig } from '../config/schema.ts';
import { silentLogger } from '../log/logger.ts';
import { createMemoryStores } from '../store/memory/memory-stores.ts';
import type { Stores } from '../store/stores.ts';
import { retrainIfLabelsChanged, trainClassifiers } from './train-classifiers.ts';

const MODEL = 'hashing-16';
let stores: Stores;
beforeEach(() => {
  stores = createMemoryStores();
});

const config = RadarConfig.parse({
  embedding: { active: [MODEL], models: { [MODEL]: { backend: 'hashing', dims: 16 } } },
  ranking: { minLabelsPerClass: 1, models: [MODEL] },
});
const ids = Array.from({ length: 12 }, (_, i) => `2611.${String(i + 1).padStart(5, '0')}`);

async function seedVectors(): Promise<void> {
  const store = stores.vectors(MODEL);
  await store.writeMeta({
    model: MODEL,
    backend: 'hashing',
    dims: 16,
    normalize: true,
    createdAt: '2026-11-01T00:00:00Z',
  });
  await store.upsert(
    ids.map((id, row) => {
      const vector = new Float32Array(16);
      vector[row % 2 === 0 ? 0 : 1] = 1;
      vector[2 + (row % 14)] = 0.5;
      return { id, vector };
    }),
  );
}

const label = (id: string, value: 1 | -1, at: string) =>
  ({ kind: 'set', label: { id, label: value, source: 'cli', user: 'me', at } }) as const;

function depsAt(iso: string) {
  return { stores, config, logger: silentLogger(), now: () => new Date(iso) };
}

describe('trainClassifiers', () => {
  it('stores a classifier trained on the labels, and none while a class is missing', async () => {
    await seedVectors();
    await stores.labels.apply([label(ids[0] ?? '', 1, '2026-11-20T10:00:00Z')]);
    expect(await trainClassifiers(depsAt('2026-11-20T11:00:00Z'))).toEqual([
      { model: MODEL, trained: false, positives: 1, negatives: 0 },
    ]);
    expect(await stores.classifiers.readClassifier(MODEL)).toBeUndefined();

    await stores.labels.apply([label(ids[1] ?? '', -1, '2026-11-20T10:05:00Z')]);
    expect(await trainClassifiers(depsAt('2026-11-20T11:00:00Z'))).toEqual([
      { model: MODEL, trained: true, positives: 1, negatives: 1 },
    ]);
    const stored = await stores.classifiers.readClassifier(MODEL);
    expect(stored).toMatchObject({
      positives: 1,
      negatives: 1,
      trainedAt: '2026-11-20T11:00:00.000Z',
      dims: 16,
    });
    // The liked paper's direction (dimension 0) weighs up, the disliked one's (dimension 1) down.
    expect(stored?.coefficients[0]).toBeGreaterThan(stored?.coefficients[1] ?? 0);
  });
});

describe('retrainIfLabelsChanged', () => {
  it('retrains on reported changes, or on a label newer than the stored classifier, and not otherwise', async () => {
    await seedVectors();
    await stores.labels.apply([
      label(ids[0] ?? '', 1, '2026-11-20T10:00:00Z'),
      label(ids[1] ?? '', -1, '2026-11-20T10:00:00Z'),
    ]);
    expect(await retrainIfLabelsChanged(depsAt('2026-11-20T11:00:00Z'), 2)).toHaveLength(1);
    expect(await retrainIfLabelsChanged(depsAt('2026-11-20T12:00:00Z'), 0)).toEqual([]);

    // A label a chat bot wrote after the last training.
    await stores.labels.apply([label(ids[2] ?? '', 1, '2026-11-20T12:30:00Z')]);
    expect(await retrainIfLabelsChanged(depsAt('2026-11-20T13:00:00Z'), 0)).toEqual([
      { model: MODEL, trained: true, positives: 2, negatives: 1 },
    ]);
    expect((await stores.classifiers.readClassifier(MODEL))?.trainedAt).toBe('2026-11-20T13:00:00.000Z');
  });
});
