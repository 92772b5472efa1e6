import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { createLexicalRowsStore, decodeRows, encodeRows, lexicalRowsPath } from './lexical-rows-store.ts';
import { createReadBuffer } from './read-buffer.ts';

const tempDir = useTempDirs();
const rows = {
  vocabulary: '2026-07-01T00:00:00.000Z/800/5000',
  ids: ['2605.00001', '2605.00002'],
  textHashes: Uint32Array.from([1, 2]),
  offsets: Uint32Array.from([0, 3, 4]),
  indices: Uint32Array.from([1, 5, 9, 2]),
  values: Float32Array.from([0.5, 0.5, 0.5, 0.5]),
};

/** A store with `rows` written as shard 2605, that shard's file and its bytes. */
async function storedShard() {
  const stateDir = tempDir();
  const store = createLexicalRowsStore(stateDir);
  await store.write('tfidf', '2605', rows);
  const file = lexicalRowsPath(stateDir, 'tfidf', '2605');
  return { store, file, bytes: readFileSync(file) };
}

describe('the lexical rows file', () => {
  it('reads as none when torn, cut short or changed by a byte, so the rows are rebuilt', async () => {
    const { store, file, bytes } = await storedShard();
    expect((await store.read('tfidf', '2605'))?.ids).toEqual(rows.ids);
    writeFileSync(file, bytes.subarray(0, bytes.length - 4));
    expect(await store.read('tfidf', '2605')).toBeUndefined();
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    writeFileSync(file, flipped);
    expect(await store.read('tfidf', '2605')).toBeUndefined();
    writeFileSync(file, 'not a rows file');
    expect(await store.read('tfidf', '2605')).toBeUndefined();
  });

  it('reads a file cut short as none through a lent buffer that an earlier, whole read filled', async () => {
    const { store, file, bytes } = await storedShard();
    const into = createReadBuffer();
    expect((await store.read('tfidf', '2605', into))?.ids).toEqual(rows.ids);
    // The buffer still holds the whole file's tail past the cut: only the file's own bytes count.
    writeFileSync(file, bytes.subarray(0, bytes.length - 4));
    expect(await store.read('tfidf', '2605', into)).toBeUndefined();
    writeFileSync(file, bytes);
    expect(Array.from((await store.read('tfidf', '2605', into))?.indices ?? [])).toEqual(
      Array.from(rows.indices),
    );
  });

  it('decodes what it encodes from an unaligned buffer', () => {
    const encoded = encodeRows(rows);
    const shifted = new Uint8Array(encoded.length + 1);
    shifted.set(encoded, 1);
    expect(Array.from(decodeRows(shifted.subarray(1))?.values ?? [])).toEqual(Array.from(rows.values));
  });
});
