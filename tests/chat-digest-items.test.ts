import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DigestItem } from '../src/chat/chat-adapter.ts';
import { loadDigestItems } from '../src/chat/digest-items.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createNotifyStep } from '../src/pipeline/steps/notify-step.ts';
import { emptyNotionMap } from '../src/store/notion-map-store.ts';
import { type Harness, startHarness, TODAY } from './chat/telegram-setup.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const PAGE_ID = '1a2b3c4d-0000-4000-8000-00000000abcd';

async function publishToNotion(paperId: string): Promise<void> {
  const map = emptyNotionMap();
  map.pages.Papers = { [paperId]: PAGE_ID };
  await h.stores.notionMap.save(map);
}

/** The items the pipeline's notify step hands to the chats for a day. */
async function notifyItems(): Promise<DigestItem[]> {
  let captured: readonly DigestItem[] = [];
  const step = createNotifyStep({
    items: {
      papers: h.stores.papers,
      picks: h.stores.picks,
      summaries: h.stores.summaries,
      models: ['hashing-384'],
    },
    notionMap: () => h.stores.notionMap.load(),
    send: async (_day, items) => {
      captured = items;
      return [];
    },
  });
  await step.run({
    runId: 'r',
    day: TODAY,
    offline: false,
    signal: new AbortController().signal,
    logger: silentLogger(),
    itemFailed: () => undefined,
    progress: () => undefined,
  });
  return [...captured];
}

describe('one digest item builder', () => {
  it('the pipeline’s notify and the bot’s /digest build the same items, with the Notion page link', async () => {
    await publishToNotion(h.papers[0]?.id ?? '');
    const fromBot = await loadDigestItems(h.stores, TODAY);
    const fromPipeline = await notifyItems();
    expect(fromBot).toHaveLength(3);
    expect(fromPipeline).toEqual(fromBot);
    expect(fromBot[0]?.links).toEqual({
      abs: `https://arxiv.org/abs/${h.papers[0]?.id}`,
      pdf: `https://arxiv.org/pdf/${h.papers[0]?.id}`,
      code: 'https://github.com/example/humans-first',
      notion: 'https://www.notion.so/1a2b3c4d00004000800000000000abcd',
    });
    expect(fromBot[1]?.links.notion).toBeUndefined();
  });

  it('the sent paper message links its Notion page', async () => {
    await publishToNotion(h.papers[0]?.id ?? '');
    await h.runner.sendDigest(TODAY);
    const item = h.fake.sentMessages()[1];
    expect(item?.text).toContain('href="https://www.notion.so/1a2b3c4d00004000800000000000abcd"');
  });
});
