import { parquetMetadata } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import {
  checkShardIds,
  checkVectorSchema,
  decodeVectorParquet,
  encodeVectorParquet,
  encodeVectorParquetChunks,
} from './parquet-vectors.ts';

function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const buffer = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(buffer).set(bytes);
  return buffer;
}

describe('parquet vectors', () => {
  it('encodes a three-level LIST of FLOAT and decodes the same floats', async () => {
    const data = Float32Array.from([0.1, 0.2, 0.3, -0.4, 1e-7, 7e30]);
    const bytes = await encodeVectorParquet(
      { ids: ['2511.00001', '2511.00002'], dims: 3, data },
      { 'radar.model': 'm' },
    );
    const metadata = parquetMetadata(bytes);
    expect(metadata.schema.map((element) => [element.name, element.type, element.repetition_type])).toEqual([
      ['root', undefined, undefined],
      ['id', 'BYTE_ARRAY', 'REQUIRED'],
      ['vector', undefined, 'REQUIRED'],
      ['list', undefined, 'REPEATED'],
      ['element', 'FLOAT', 'REQUIRED'],
    ]);
    expect(metadata.key_value_metadata).toContainEqual({ key: 'radar.model', value: 'm' });
    const decoded = await decodeVectorParquet(toArrayBuffer(bytes), { dims: 3, shard: '2511' });
    expect(decoded.problems).toEqual([]);
    expect(decoded.data).toEqual(data);
  });

  it('splits a large shard into row groups and reads them back in order', async () => {
    const ids = Array.from({ length: 10_000 }, (_, i) => `2511.${String(i).padStart(5, '0')}`);
    const data = Float32Array.from({ length: 20_000 }, (_, i) => i / 7);
    const bytes = await encodeVectorParquet({ ids, dims: 2, data });
    expect(parquetMetadata(bytes).row_groups.map((group) => group.num_rows)).toEqual([4096n, 4096n, 1808n]);
    const decoded = await decodeVectorParquet(toArrayBuffer(bytes), { dims: 2, shard: '2511' });
    expect(decoded.problems).toEqual([]);
    expect(decoded.ids).toEqual(ids);
    expect(decoded.data).toEqual(data);
  });

  it('sizes row groups to about 4 MiB of floats and streams the file one group at a time', async () => {
    const dims = 768;
    const ids = Array.from({ length: 3000 }, (_, i) => `2511.${String(i).padStart(5, '0')}`);
    const data = Float32Array.from({ length: ids.length * dims }, (_, i) => (i % 1000) / 999);
    const streamed: Uint8Array[] = [];
    // Each chunk is a view of the writer's buffer until the next is asked for: copy it now.
    for (const chunk of encodeVectorParquetChunks({ ids, dims, data })) streamed.push(chunk.slice());
    expect(streamed).toHaveLength(4);
    expect(Math.max(...streamed.map((chunk) => chunk.length))).toBeLessThan(4.5 * 2 ** 20);
    const bytes = await encodeVectorParquet({ ids, dims, data });
    expect(Buffer.concat(streamed).equals(Buffer.from(bytes))).toBe(true);
    expect(parquetMetadata(toArrayBuffer(bytes)).row_groups.map((group) => group.num_rows)).toEqual([
      1365n,
      1365n,
      270n,
    ]);
    const decoded = await decodeVectorParquet(toArrayBuffer(bytes), { dims, shard: '2511' });
    expect(decoded.problems).toEqual([]);
    expect(decoded.ids).toEqual(ids);
    expect(decoded.data).toEqual(data);
  });

  it('rejects the JSON-string column that a schema-less write produces, and extra columns', () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ['2511.00001'] },
        { name: 'vector', data: [[1, 2, 3]] },
        { name: 'note', data: ['x'] },
      ],
    });
    expect(checkVectorSchema(parquetMetadata(bytes))).toEqual([
      'unexpected column "note"',
      'column "vector" is not a three-level LIST of FLOAT',
    ]);
  });

  it('reports missing columns and a non-string id', () => {
    const bytes = parquetWriteBuffer({ columnData: [{ name: 'id', data: [1], type: 'INT32' }] });
    expect(checkVectorSchema(parquetMetadata(bytes))).toEqual([
      'column "id" is not a UTF8 string',
      'missing column "vector"',
    ]);
  });

  it('checks that ids are versionless, of the shard, sorted and unique', () => {
    expect(checkShardIds(['2511.00001', '2511.00002', 'hep-th/9901001'], undefined)).toEqual([]);
    expect(checkShardIds(['2511.00001v2', '2511.00002', '2511.00002'], '2511')).toEqual([
      'row 0: "2511.00001v2" is not a versionless arXiv id',
      'row 2: duplicate id 2511.00002',
    ]);
  });

  it('caps a long list of problems', async () => {
    const ids = Array.from({ length: 30 }, () => '2511.00001');
    const bytes = await encodeVectorParquet({ ids, dims: 1, data: new Float32Array(30) });
    const { problems } = await decodeVectorParquet(toArrayBuffer(bytes), { dims: 1 });
    expect(problems).toHaveLength(21);
    expect(problems.at(-1)).toBe('… and 9 more');
  });
});
