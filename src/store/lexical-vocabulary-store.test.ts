import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { StateFileError } from '../core/errors.ts';
import {
  createVocabularyStore,
  decodeVocabulary,
  encodeVocabulary,
  type VocabularyInput,
  vocabularyPath,
} from './lexical-vocabulary-store.ts';

const tempDir = useTempDirs();
const vocabulary: VocabularyInput = {
  version: 1,
  model: 'tfidf',
  fittedAt: '2026-11-20T08:00:00.000Z',
  docCount: 40,
  settings: {
    ngramMax: 2,
    minDf: 2,
    maxDf: 0.5,
    stemming: 'porter',
    stopWords: 'english',
    sublinearTf: true,
  },
  terms: ['attent', 'sparse attent', 'retriev'],
  df: [12, 3, 40],
};

describe('the lexical vocabulary file', () => {
  it('rewrites a vocabulary.json of earlier versions as vocabulary.bin, losing nothing', async () => {
    const stateDir = tempDir();
    const legacy = join(dirname(vocabularyPath(stateDir, 'tfidf')), 'vocabulary.json');
    mkdirSync(dirname(legacy), { recursive: true });
    writeFileSync(legacy, `${JSON.stringify(vocabulary)}\n`);
    const store = createVocabularyStore(stateDir);
    const first = await store.read('tfidf');
    expect([...(first?.terms() ?? [])]).toEqual(vocabulary.terms);
    expect(existsSync(legacy)).toBe(false);
    expect(existsSync(vocabularyPath(stateDir, 'tfidf'))).toBe(true);
    const again = await store.read('tfidf');
    expect([...(again?.terms() ?? [])]).toEqual(vocabulary.terms);
    expect(Array.from(again?.df ?? [])).toEqual(vocabulary.df);
    expect(again?.settings).toEqual(vocabulary.settings);
    expect(again?.fittedAt).toBe(vocabulary.fittedAt);
  });

  it('refuses a legacy file whose frequencies exceed its document count, keeping it', async () => {
    const stateDir = tempDir();
    const legacy = join(dirname(vocabularyPath(stateDir, 'tfidf')), 'vocabulary.json');
    mkdirSync(dirname(legacy), { recursive: true });
    writeFileSync(legacy, JSON.stringify({ ...vocabulary, df: [12, 3, 41] }));
    await expect(createVocabularyStore(stateDir).read('tfidf')).rejects.toThrow(/exceeds docCount/);
    expect(existsSync(legacy)).toBe(true);
  });

  it('names what is wrong with a torn, changed or foreign file', async () => {
    const stateDir = tempDir();
    const store = createVocabularyStore(stateDir);
    await store.write(vocabulary);
    const file = vocabularyPath(stateDir, 'tfidf');
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 2));
    await expect(store.read('tfidf')).rejects.toThrow(/truncated/);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1] = (flipped[flipped.length - 1] ?? 0) ^ 1;
    writeFileSync(file, flipped);
    await expect(store.read('tfidf')).rejects.toThrow(/checksum/);
    writeFileSync(file, '{"terms":[]}');
    const read = store.read('tfidf');
    await expect(read).rejects.toThrow(StateFileError);
    await expect(store.read('tfidf')).rejects.toThrow(/not a vocabulary file/);
  });

  it('decodes what it encodes from an unaligned buffer, terms only when asked', () => {
    const encoded = encodeVocabulary(vocabulary);
    const shifted = new Uint8Array(encoded.length + 1);
    shifted.set(encoded, 1);
    const decoded = decodeVocabulary(shifted.subarray(1), 'memory:x');
    expect(decoded.termCount).toBe(3);
    expect(Array.from(decoded.df)).toEqual(vocabulary.df);
    expect([...decoded.terms()]).toEqual(vocabulary.terms);
    // Decoded as iterated, anew on each call (the store keeps no copy of ~760k strings).
    const first = decoded.terms()[Symbol.iterator]();
    expect(first.next()).toEqual({ done: false, value: vocabulary.terms[0] });
    expect([...decoded.terms()]).toEqual(vocabulary.terms);
    expect(first.next()).toEqual({ done: false, value: vocabulary.terms[1] });
  });
});
