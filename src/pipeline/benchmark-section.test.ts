import { describe, expect, it } from 'vitest';
import type { MergedBenchmark } from '../benchmarks/schemas.ts';
import type { ChatAdapter, ChatMessage } from '../chat/chat-adapter.ts';
import { RadarConfig } from '../config/schema.ts';
import { createMemoryStores } from '../store/memory/memory-stores.ts';
import { sendBenchmarkSection } from './benchmark-section.ts';

const NOW = new Date('2026-11-21T08:00:00Z');

/** An in-memory chat: records what it was asked to send. */
function memoryChat(): ChatAdapter & { sent: Array<{ chatId: string; message: ChatMessage }> } {
  const sent: Array<{ chatId: string; message: ChatMessage }> = [];
  const fail = (): never => {
    throw new Error('not used');
  };
  return {
    platform: 'telegram',
    sent,
    start: async () => undefined,
    stop: async () => undefined,
    sendDigestItem: async () => fail(),
    sendAlert: async () => fail(),
    async sendMessage(chatId, message) {
      sent.push({ chatId, message });
      return [{ platform: 'telegram', chatId, messageId: String(sent.length) }];
    },
  };
}

function benchmark(id: string, score: number, firstSeenAt: string): MergedBenchmark {
  return {
    id,
    name: id,
    title: `${id} benchmark`,
    description: 'An evaluation suite.',
    sources: ['arxiv'],
    memberIds: [id],
    urls: { arxiv: [`https://arxiv.org/abs/${id}`], github: [], huggingface: [] },
    links: [`https://arxiv.org/abs/${id}`],
    task: ['code generation'],
    modality: ['text'],
    metrics: ['pass@1'],
    license: null,
    popularity: {},
    firstSeenAt,
    score,
    rubric: null,
    keywords: [],
  };
}

describe('benchmark section of the digest', () => {
  it('sends new high-scoring benchmarks to each chat once per day', async () => {
    const stores = createMemoryStores();
    await stores.benchmarks.writeMerged([
      benchmark('new-and-good', 8.5, '2026-11-21T06:00:00.000Z'),
      benchmark('new-and-weak', 4, '2026-11-21T06:00:00.000Z'),
      benchmark('old-and-good', 9, '2026-11-10T06:00:00.000Z'),
    ]);
    const chat = memoryChat();
    const deps = {
      config: RadarConfig.parse({ chat: { telegram: { chatIds: ['42'] } } }),
      stores,
      clock: { now: () => NOW },
      chat: [chat],
    };
    expect(await sendBenchmarkSection(deps, '2026-11-21')).toBe(1);
    const text = JSON.stringify(chat.sent[0]?.message);
    expect(chat.sent[0]?.chatId).toBe('42');
    expect(text).toContain('"text":"new-and-good"');
    expect(text).toContain('8.5/10');
    expect(text).not.toContain('new-and-weak');
    expect(text).not.toContain('old-and-good');
    // A re-run of the same day sends nothing more.
    expect(await sendBenchmarkSection(deps, '2026-11-21')).toBe(0);
    expect(chat.sent).toHaveLength(1);
  });
});
