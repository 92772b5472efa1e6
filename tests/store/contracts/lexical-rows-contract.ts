/** What every lexical rows store does, file or memory: run by file-and-memory.test.ts against both. */
import { describe, expect, it } from 'vitest';
import { StateFileError } from '../../../src/core/errors.ts';
import type { LexicalRowsStore, StoredRows } from '../../../src/store/lexical-rows-store.ts';
import { createReadBuffer } from '../../../src/store/read-buffer.ts';

type Make<T> = () => Promise<T> | T;

const rows = (vocabulary: string, first = 0.5): StoredRows => ({
  vocabulary,
  ids: ['2605.00001', '2605.00002', '2605.00003'],
  textHashes: Uint32Array.from([11, 22, 4_000_000_000]),
  offsets: Uint32Array.from([0, 2, 2, 5]),
  indices: Uint32Array.from([3, 9, 0, 1, 700_000]),
  values: Float32Array.from([first, 0.25, 0.125, -1, 0.75]),
});

const plain = (r: StoredRows | undefined) =>
  r && {
    vocabulary: r.vocabulary,
    ids: r.ids,
    textHashes: Array.from(r.textHashes),
    offsets: Array.from(r.offsets),
    indices: Array.from(r.indices),
    values: Array.from(r.values),
  };

export function describeLexicalRowsStoreContract(name: string, make: Make<LexicalRowsStore>): void {
  describe(`LexicalRowsStore contract: ${name}`, () => {
    it('keeps one set of rows per model and shard, the last write winning, read back exactly', async () => {
      const store = await make();
      expect(await store.read('tfidf', '2605')).toBeUndefined();
      await store.write('tfidf', '2605', rows('v1'));
      await store.write('tfidf', '2605', rows('v2', 0.875));
      await store.write('tfidf', '2606', rows('v1'));
      expect(plain(await store.read('tfidf', '2605'))).toEqual(plain(rows('v2', 0.875)));
      expect(plain(await store.read('tfidf', '2606'))).toEqual(plain(rows('v1')));
      expect(await store.read('other', '2605')).toBeUndefined();
    });

    it('reads shard after shard through one lent buffer, each read whole and right', async () => {
      const store = await make();
      const wide: StoredRows = {
        ...rows('v2'),
        ids: ['2606.00001', '2606.00002', '2606.00003'],
        offsets: Uint32Array.from([0, 1, 1, 2]),
        indices: Uint32Array.from([4, 5]),
        values: Float32Array.from([0.5, -0.5]),
      };
      await store.write('tfidf', '2605', rows('v1'));
      await store.write('tfidf', '2606', wide);
      const into = createReadBuffer();
      // The larger shard first, then the smaller into the same bytes, then a missing one.
      expect(plain(await store.read('tfidf', '2605', into))).toEqual(plain(rows('v1')));
      expect(plain(await store.read('tfidf', '2606', into))).toEqual(plain(wide));
      expect(plain(await store.read('tfidf', '2605', into))).toEqual(plain(rows('v1')));
      expect(await store.read('tfidf', '2607', into)).toBeUndefined();
    });

    it('keeps a shard with no rows', async () => {
      const store = await make();
      const empty: StoredRows = {
        vocabulary: 'v1',
        ids: [],
        textHashes: new Uint32Array(0),
        offsets: Uint32Array.from([0]),
        indices: new Uint32Array(0),
        values: new Float32Array(0),
      };
      await store.write('tfidf', '2605', empty);
      expect(plain(await store.read('tfidf', '2605'))).toEqual(plain(empty));
    });

    it('refuses rows whose arrays do not agree, keeping the stored ones', async () => {
      const store = await make();
      await store.write('tfidf', '2605', rows('v1'));
      const broken = { ...rows('v2'), offsets: Uint32Array.from([0, 2, 5]) };
      await expect(store.write('tfidf', '2605', broken)).rejects.toThrow(StateFileError);
      await expect(
        store.write('tfidf', '2605', { ...rows('v2'), values: new Float32Array(4) }),
      ).rejects.toThrow(/nnz/);
      expect((await store.read('tfidf', '2605'))?.vocabulary).toBe('v1');
    });
  });
}
