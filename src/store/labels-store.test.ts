import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { createLabelsStore } from './labels-store.ts';
import type { Label } from './schemas.ts';

const tempDir = useTempDirs();
const label = (id: string, value: 1 | -1, at: string, source: Label['source'] = 'telegram'): Label => ({
  id,
  label: value,
  source,
  user: '42',
  at,
});

describe('labels store', () => {
  it('keeps the last change per paper and removes cleared labels', async () => {
    const store = createLabelsStore(tempDir());
    await store.apply([
      { kind: 'set', label: label('2511.00001', 1, '2026-11-20T10:00:00Z') },
      { kind: 'set', label: label('2511.00002', 1, '2026-11-20T10:00:00Z') },
    ]);
    const changed = await store.apply([
      { kind: 'set', label: label('2511.00001', -1, '2026-11-20T11:00:00Z', 'notion') },
      { kind: 'remove', id: '2511.00002', at: '2026-11-20T11:00:00Z' },
    ]);
    expect(changed).toBe(2);
    expect(await store.readAll()).toEqual([label('2511.00001', -1, '2026-11-20T11:00:00Z', 'notion')]);
  });

  it('ignores a change older than the stored label and is idempotent', async () => {
    const store = createLabelsStore(tempDir());
    await store.apply([{ kind: 'set', label: label('2511.00001', 1, '2026-11-20T12:00:00Z') }]);
    expect(await store.apply([{ kind: 'set', label: label('2511.00001', -1, '2026-11-20T09:00:00Z') }])).toBe(
      0,
    );
    expect(await store.apply([{ kind: 'set', label: label('2511.00001', 1, '2026-11-20T12:00:00Z') }])).toBe(
      0,
    );
    expect((await store.readAll())[0]?.label).toBe(1);
  });
});
