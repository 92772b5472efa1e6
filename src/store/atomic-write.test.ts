import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { createVectorIndex } from '../index/vector-index.ts';
import { writeFileAtomic, writeFileAtomicStream, writeFileAtomicSync } from './atomic-write.ts';

const tempDir = useTempDirs();

const writers: Record<string, (path: string, text: string) => Promise<void>> = {
  writeFileAtomic: (path, text) => writeFileAtomic(path, text),
  writeFileAtomicSync: async (path, text) => writeFileAtomicSync(path, text),
  writeFileAtomicStream: (path, text) => writeFileAtomicStream(path, [new TextEncoder().encode(text)]),
  'the vector index graph': (path) => {
    const index = createVectorIndex(4, { m: 8, efConstruction: 16, efSearch: 16 });
    index.add({ ids: ['a'], dims: 4, data: Float32Array.from([1, 0, 0, 0]) });
    return index.writeGraph(path);
  },
};

describe('atomic writes', () => {
  it.each(Object.entries(writers))(
    '%s: a failed rename leaves no temp file and the old content intact',
    async (_, write) => {
      const dir = tempDir();
      const target = join(dir, 'data.json');
      // A directory in the target's place: the write and fsync succeed, the rename over it fails.
      mkdirSync(target);
      writeFileSync(join(target, 'old.txt'), 'old content');

      await expect(write(target, 'new content')).rejects.toThrow(/EISDIR|ENOTEMPTY|EEXIST|EPERM/);

      expect(readdirSync(dir)).toEqual(['data.json']);
      expect(readdirSync(target)).toEqual(['old.txt']);
      expect(readFileSync(join(target, 'old.txt'), 'utf8')).toBe('old content');
    },
  );

  it('replaces the old content and leaves only the target behind', async () => {
    const dir = tempDir();
    const target = join(dir, 'nested', 'data.json');
    await writeFileAtomic(target, 'one');
    writeFileAtomicSync(target, 'two');
    expect(readFileSync(target, 'utf8')).toBe('two');
    await writeFileAtomicStream(target, [new TextEncoder().encode('three')]);
    expect(readFileSync(target, 'utf8')).toBe('three');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['data.json']);
  });

  it('a failed check of a streamed file keeps the old content and removes the temp file', async () => {
    const dir = tempDir();
    const target = join(dir, 'data.bin');
    await writeFileAtomic(target, 'old');
    const check = () => {
      throw new Error('size does not match the listing');
    };
    await expect(writeFileAtomicStream(target, [new Uint8Array([1, 2, 3])], check)).rejects.toThrow(
      /does not match/,
    );
    expect(readFileSync(target, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['data.bin']);
  });
});
