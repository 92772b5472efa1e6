/** /benchmarks answers from the benchmark radar's merged store. */
import { describe, expect, it } from 'vitest';
import type { MergedBenchmark } from '../src/benchmarks/schemas.ts';
import { benchmarks } from '../src/chat/commands/benchmarks.ts';
import type { CommandDeps } from '../src/chat/commands/command-types.ts';
import { plainText } from '../src/chat/message-format.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { createMemoryStores } from '../src/store/memory/memory-stores.ts';
import type { Stores } from '../src/store/stores.ts';

function deps(stores: Stores = createMemoryStores()): CommandDeps {
  return {
    stores,
    // /benchmarks reads its store only: no state directory is touched.
    stateDir: '/nonexistent/radar-state',
    config: RadarConfig.parse({}),
    clock: { now: () => new Date('2026-11-20T12:00:00Z') },
    labels: { direct: async (input) => ({ kind: 'labelled', paperId: input.paperId, value: input.value }) },
    resendDigest: async () => 0,
  };
}
const request = {
  platform: 'telegram' as const,
  chatId: '1',
  userId: '1',
  args: '',
  at: '2026-11-20T12:00:00Z',
};

function bench(id: string, score: number, firstSeenAt: string): MergedBenchmark {
  return {
    id,
    name: id,
    title: id,
    description: '',
    sources: ['github'],
    memberIds: [id],
    urls: { arxiv: [], github: [`https://github.com/o/${id}`], huggingface: [] },
    links: [],
    task: [],
    modality: [],
    metrics: [],
    license: null,
    popularity: { stars: 10 },
    firstSeenAt,
    score,
    rubric: null,
    keywords: [],
  };
}

describe('/benchmarks', () => {
  it('says plainly when nothing was collected', async () => {
    expect(plainText(await benchmarks(deps(), request))).toMatch(/not available yet/);
  });

  it("lists this week's best, best first", async () => {
    const stores = createMemoryStores();
    await stores.benchmarks.writeMerged([
      bench('b-ok', 6, '2026-11-19T00:00:00.000Z'),
      bench('a-best', 9, '2026-11-18T00:00:00.000Z'),
      bench('c-old', 10, '2026-10-01T00:00:00.000Z'),
    ]);
    const text = plainText(await benchmarks(deps(stores), request));
    expect(text.split('\n\n')).toEqual([
      "This week's best new benchmarks (2):",
      '1. a-best (9.0/10; github; ★10) https://github.com/o/a-best',
      '2. b-ok (6.0/10; github; ★10) https://github.com/o/b-ok',
    ]);
  });
});
