import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StateFileError } from '../../src/core/errors.ts';
import { openBeirCollection, parseBeirQrels, readBeirDocuments } from '../../src/store/beir-collection.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('BEIR collection reader', () => {
  it('streams the corpus, reads queries and a split’s qrels', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'qrels'));
    writeFileSync(
      join(dir, 'corpus.jsonl'),
      '{"_id": 7, "title": "T", "text": "body"}\n\n{"_id": "x", "text": "only text"}\r\n',
    );
    writeFileSync(join(dir, 'queries.jsonl'), '{"_id": "q1", "text": "what"}\n');
    writeFileSync(join(dir, 'qrels', 'dev.tsv'), 'query-id\tcorpus-id\tscore\nq1\t7\t2\nq1\tx\t0\n');
    const collection = await openBeirCollection(dir);
    expect(await readBeirDocuments(collection)).toEqual([
      { id: '7', title: 'T', text: 'body' },
      { id: 'x', title: '', text: 'only text' },
    ]);
    expect(await collection.queries()).toEqual([{ id: 'q1', text: 'what' }]);
    const qrels = await collection.qrels('dev');
    expect([...(qrels.get('q1') ?? [])]).toEqual([
      ['7', 2],
      ['x', 0],
    ]);
    await expect(collection.qrels()).rejects.toThrow(/no qrels for split "test"/);
  });

  it('names the file and line of a bad row', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'corpus.jsonl'), '{"_id": "a"}\nnot json\n');
    writeFileSync(join(dir, 'queries.jsonl'), '{"_id": "q"}\n');
    const collection = await openBeirCollection(dir);
    await expect(readBeirDocuments(collection)).rejects.toThrow(/corpus\.jsonl: line 2 is not JSON/);
    await expect(collection.queries()).rejects.toThrow(/queries\.jsonl: line 1: text/);
  });

  it('refuses a directory without the collection files', async () => {
    await expect(openBeirCollection(tempDir())).rejects.toThrow(StateFileError);
  });

  it('parses qrels with or without a header, tabs or spaces, and rejects a short line', () => {
    const qrels = parseBeirQrels('f.tsv', 'q1 d1 1\nq2\td2\t3\n');
    expect(qrels.get('q2')?.get('d2')).toBe(3);
    expect(() => parseBeirQrels('f.tsv', 'q1\td1\n')).toThrow(/line 1: expected/);
  });
});
