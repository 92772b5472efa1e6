import { rm } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { clusteredVectors, toyVectorStore, vectorRows } from '../../tests/helpers/vectors.ts';
import { createModelIndexFiles } from '../index/index-store.ts';
import { silentLogger } from '../log/logger.ts';
import { DEDUP_EF, storedIndexOpener } from './stored-index.ts';
import { selectRows } from './vector-matrix.ts';

const tempDir = useTempDirs();
const MODEL = 'toy-16';

describe('storedIndexOpener', () => {
  it("adds the day's vectors to the saved index and answers the dedup search from that graph in memory", async () => {
    const stateDir = tempDir();
    const matrix = clusteredVectors(400, 16, 4);
    const store = await toyVectorStore(stateDir, MODEL, 16);
    const rows = (from: number, to: number) => vectorRows(matrix, from, to);
    await store.upsert(rows(0, 300));
    const open = storedIndexOpener(stateDir, { vectors: () => store }, silentLogger());
    await open(
      MODEL,
      selectRows(
        matrix,
        Array.from({ length: 300 }, (_, i) => i),
      ),
    );
    // The day's papers arrive in the store: the next open adds them to the saved graph.
    await store.upsert(rows(300, 400));
    const index = await open(MODEL, matrix);
    // Without the saved graph file, only the graph held in memory can answer.
    await rm(createModelIndexFiles(stateDir, MODEL).graph);
    for (const row of [10, 350, 399]) {
      const found = index.search(matrix.data.subarray(row * 16, (row + 1) * 16), 3, { ef: DEDUP_EF });
      expect(found[0]?.id).toBe(matrix.ids[row]);
      expect(found[0]?.similarity).toBeCloseTo(1, 5);
    }
  });

  it('collects garbage before it reads the vectors and the graph', async () => {
    const stateDir = tempDir();
    const matrix = clusteredVectors(50, 16, 2);
    const store = await toyVectorStore(stateDir, MODEL, 16);
    await store.upsert(vectorRows(matrix, 0, 50));
    const events: string[] = [];
    const watched = {
      ...store,
      load: (options?: { shards?: readonly string[] }) => {
        events.push('load');
        return store.load(options);
      },
    };
    const open = storedIndexOpener(stateDir, { vectors: () => watched }, silentLogger(), () =>
      events.push('gc'),
    );
    await open(MODEL, matrix);
    expect(events[0]).toBe('gc');
    expect(events).toContain('load');
    await open(MODEL, matrix);
    expect(events.filter((e) => e === 'gc')).toHaveLength(2);
  });
});
