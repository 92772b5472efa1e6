import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { appendJsonl, readJsonl } from './jsonl-file.ts';

const tempDir = useTempDirs();
const Row = z.object({ n: z.number() });

describe('jsonl files', () => {
  it('drops a torn last line on read, with a warning', async () => {
    const file = join(tempDir(), 'ledger.jsonl');
    writeFileSync(file, '{"n":1}\n{"n":2}\n{"n":');
    const torn: string[] = [];
    expect(await readJsonl(file, Row, (f) => torn.push(f))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(torn).toEqual([file]);
  });

  it('cuts a torn tail before appending so the file stays valid', async () => {
    const file = join(tempDir(), 'ledger.jsonl');
    await appendJsonl(file, [{ n: 1 }]);
    appendFileSync(file, '{"n":2, "half');
    await appendJsonl(file, [{ n: 3 }]);
    expect(readFileSync(file, 'utf8')).toBe('{"n":1}\n{"n":3}\n');
  });

  it('keeps a complete last record that only lacks its newline', async () => {
    const file = join(tempDir(), 'ledger.jsonl');
    writeFileSync(file, '{"n":1}\n{"n":2}');
    await appendJsonl(file, [{ n: 3 }]);
    expect(await readJsonl(file, Row)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('names the file and line of a row that fails its schema', async () => {
    const file = join(tempDir(), 'ledger.jsonl');
    writeFileSync(file, '{"n":1}\n{"n":"x"}\n');
    await expect(readJsonl(file, Row)).rejects.toThrow(/ledger\.jsonl: line 2/);
  });
});
