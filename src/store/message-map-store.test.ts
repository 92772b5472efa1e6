import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMessageMapStore } from './message-map-store.ts';
import { checkState } from './state-check.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'radar-map-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('message map store', () => {
  it('maps platform + chat + message back to the paper and lists what a chat got', async () => {
    const store = createMessageMapStore(dir);
    const at = '2026-11-21T09:00:00Z';
    await store.append([
      { platform: 'telegram', chatId: '1', messageId: '100', paperId: '2511.00001', at },
      { platform: 'telegram', chatId: '2', messageId: '100', paperId: '2511.00002', at },
      { platform: 'slack', chatId: '1', messageId: '100', paperId: '2511.00003', at },
    ]);
    expect(await store.find('telegram', '1', '100')).toBe('2511.00001');
    expect(await store.find('telegram', '2', '100')).toBe('2511.00002');
    expect(await store.find('slack', '1', '100')).toBe('2511.00003');
    expect(await store.find('telegram', '1', '101')).toBeUndefined();
    expect([...(await store.sentTo('telegram', '1'))]).toEqual(['2511.00001']);
    expect(await checkState(dir)).toEqual([{ file: 'chat/messages.jsonl', status: 'ok', problems: [] }]);
  });

  it('is checked by radar state check', async () => {
    await createMessageMapStore(dir).append([]);
    await writeFile(join(dir, 'x'), '');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(join(dir, 'chat'), { recursive: true });
    await writeFile(join(dir, 'chat', 'messages.jsonl'), '{"platform":"telegram","chatId":"1"}\n');
    const report = (await checkState(dir)).find((r) => r.file === 'chat/messages.jsonl');
    expect(report?.status).toBe('corrupt');
  });
});
