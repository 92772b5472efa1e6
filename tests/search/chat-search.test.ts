/** /search answers from the search module, the same on every platform (the command is platform-free). */
import { describe, expect, it } from 'vitest';
import type { CommandDeps } from '../../src/chat/commands/command-types.ts';
import { search } from '../../src/chat/commands/search.ts';
import { plainText } from '../../src/chat/message-format.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

function deps(stateDir: string): CommandDeps {
  return {
    stores: createFileStores(stateDir),
    stateDir,
    config: RadarConfig.parse({}),
    clock: { now: () => new Date('2026-11-20T12:00:00Z') },
    labels: { direct: async (input) => ({ kind: 'labelled', paperId: input.paperId, value: input.value }) },
    resendDigest: async () => 0,
  };
}
const ask = (args: string) => ({
  platform: 'slack' as const,
  chatId: 'C1',
  userId: 'U1',
  args,
  at: '2026-11-20T12:00:00Z',
});

describe('/search', () => {
  it('lists the best papers with title link, date and snippet, and sees papers added later', async () => {
    const stateDir = tempDir();
    const store = createPapersStore(stateDir);
    await store.upsert([
      makePaper('2511.00001', {
        title: 'Speculative decoding',
        abstract: 'Draft then verify. Tokens are cheap.',
      }),
      makePaper('2511.00002', { title: 'Graph networks', abstract: 'Message passing.' }),
    ]);
    const d = deps(stateDir);
    const answer = await search(d, ask('verify decoding'));
    const first = answer.blocks[1] ?? [];
    expect(first).toContainEqual({
      kind: 'link',
      text: 'Speculative decoding',
      url: 'https://arxiv.org/abs/2511.00001',
    });
    expect(plainText(answer)).toContain('(2511.00001, 2026-11-18)');
    expect(plainText(answer)).toContain('Draft then verify.');
    expect(answer.blocks).toHaveLength(2);
    await store.upsert([makePaper('2511.00003', { title: 'Verify everything', abstract: 'verify verify.' })]);
    const again = await search(d, ask('verify'));
    expect(plainText(again)).toContain('2511.00003');
  });

  it('answers an empty, all-stop-word or unmatched query clearly', async () => {
    const stateDir = tempDir();
    await createPapersStore(stateDir).upsert([makePaper('2511.00001')]);
    expect(plainText(await search(deps(stateDir), ask('  ')))).toContain('Usage: /search');
    expect(plainText(await search(deps(stateDir), ask('the of and')))).toContain('only common words');
    expect(plainText(await search(deps(stateDir), ask('zebra')))).toContain(
      'No paper among 1 matches "zebra"',
    );
    expect(plainText(await search(deps(tempDir()), ask('zebra')))).toContain(
      'No papers in the local store yet',
    );
  });
});
