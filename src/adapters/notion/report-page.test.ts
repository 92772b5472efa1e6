import { afterEach, describe, expect, it } from 'vitest';
import { type NotionFake, startNotionFake } from '../../../tests/fakes/notion-fake.ts';
import { silentLogger } from '../../log/logger.ts';
import { createNotionApi } from './notion-client.ts';
import { createReportPage, markdownBlocks } from './report-page.ts';

let fake: NotionFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('report pages', () => {
  it('turns markdown headings, paragraphs and bullets into blocks', () => {
    const blocks = markdownBlocks(
      '## Interests\n\nMaking inference cheaper.\n\n- speculative decoding\n- KV cache',
    );
    expect(blocks.map((b) => b.type)).toEqual([
      'heading_2',
      'paragraph',
      'bulleted_list_item',
      'bulleted_list_item',
    ]);
  });

  it('creates a page under the parent with every block, past the 100-block limit of one request', async () => {
    fake = await startNotionFake();
    const api = createNotionApi({
      token: 'secret_test',
      baseUrl: fake.url,
      requestsPerSecond: 100,
      logger: silentLogger(),
    });
    const markdown = ['# Trends', '', ...Array.from({ length: 130 }, (_, i) => `- trend ${i}`)].join('\n');
    const url = await createReportPage(api, fake.rootPageId, 'Trends — week to 2026-11-21', markdown);
    const page = fake.pages().find((p) => url.endsWith(p.id.replace(/-/g, '')));
    expect(page).toBeDefined();
    const blocks = fake.blocks(page?.id ?? '');
    expect(blocks).toHaveLength(130);
    expect(fake.requestsTo(/\/v1\/blocks\/.+\/children/, 'PATCH')).toHaveLength(1);
  });
});
