import { describe, expect, it } from 'vitest';
import { makeItem, makeSummary } from '../../../tests/helpers/notion.ts';
import { paperBlocks, paperProperties, textBlocks } from './page-content.ts';

describe('notion page content', () => {
  it('never writes Feedback or Added, and leaves out summary and pick properties the item lacks', () => {
    const full = paperProperties(makeItem('2611.00001'), ['page-b']);
    expect(Object.keys(full)).not.toContain('Feedback');
    expect(Object.keys(full)).not.toContain('Added');
    expect(full.Related).toEqual({ relation: [{ id: 'page-b' }] });
    expect(full.Score).toEqual({ number: 0.8123 });
    const bare = paperProperties(makeItem('2611.00001', { summary: undefined, pick: undefined }), []);
    for (const name of ['TL;DR', 'Tags', 'Summary model', 'Score', 'Pick'])
      expect(Object.keys(bare)).not.toContain(name);
  });

  it('caps relations at 100 and keeps tag names without commas', () => {
    const related = Array.from({ length: 130 }, (_, i) => `p${i}`);
    const item = makeItem('2611.00001', { summary: makeSummary('2611.00001', { tags: ['a, b', 'c', 'd'] }) });
    const values = paperProperties(item, related);
    expect(values.Related).toMatchObject({ relation: expect.any(Array) });
    const relation = values.Related && 'relation' in values.Related ? values.Related.relation : [];
    expect(relation).toHaveLength(100);
    expect(values.Tags).toEqual({ multi_select: [{ name: 'a b' }, { name: 'c' }, { name: 'd' }] });
  });

  it('writes prose as paragraphs and "- " lines as bullets', () => {
    const blocks = textBlocks('First para.\n\nIntro:\n- one\n- two\nAfter.');
    expect(blocks.map((b) => b.type)).toEqual([
      'paragraph',
      'paragraph',
      'bulleted_list_item',
      'bulleted_list_item',
      'paragraph',
    ]);
  });

  it('lays the summary out as sections and falls back to the abstract', () => {
    const headings = paperBlocks(makeItem('2611.00001'))
      .filter((b) => b.type === 'heading_2')
      .map((b) =>
        b.type === 'heading_2'
          ? b.heading_2.rich_text.map((t) => (t.type === 'text' ? t.text.content : '')).join('')
          : '',
      );
    expect(headings.slice(0, 4)).toEqual(['TL;DR', 'Problem', 'Method', 'Experiments']);
    expect(headings.at(-1)).toBe('Abstract');
    const bare = paperBlocks(makeItem('2611.00001', { summary: undefined }));
    expect(bare.map((b) => b.type)).toEqual(['heading_2', 'paragraph']);
  });
});
