import { describe, expect, it } from 'vitest';
import type { DigestItem } from '../../chat/chat-adapter.ts';
import { plainMessage } from '../../chat/message-format.ts';
import { slackEmoji } from './emoji-names.ts';
import {
  escapeMrkdwn,
  MAX_BLOCKS,
  MESSAGE_TEXT_LIMIT,
  renderDigestItem,
  renderInline,
  renderMessage,
  SECTION_TEXT_LIMIT,
} from './render-blocks.ts';

const item: DigestItem = {
  paperId: '2511.01234',
  title: 'A <b> & C',
  tldr: 'x > y',
  tags: [],
  score: 0.5,
  reason: 'explore',
  reasonText: 'unsure',
  links: { abs: 'https://arxiv.org/abs/2511.01234?a=1&b=2', pdf: 'https://arxiv.org/pdf/2511.01234' },
};

const sectionTexts = (blocks: Array<Record<string, unknown>>): string[] =>
  blocks.flatMap((b) =>
    b.type === 'section' && typeof b.text === 'object' && b.text !== null
      ? [String(Reflect.get(b.text, 'text'))]
      : [],
  );

describe('mrkdwn rendering', () => {
  it('escapes only &, < and >, and every inline kind', () => {
    expect(escapeMrkdwn('a & <b> "c"')).toBe('a &amp; &lt;b&gt; "c"');
    expect(renderInline({ kind: 'bold', text: 'x<y' })).toBe('*x&lt;y*');
    expect(renderInline({ kind: 'italic', text: 'i' })).toBe('_i_');
    expect(renderInline({ kind: 'code', text: 'a`b' })).toBe('`aˋb`');
    expect(renderInline({ kind: 'link', text: 'a|b', url: 'https://x.org/?q=1&r=<2>|' })).toBe(
      '<https://x.org/?q=1&amp;r=&lt;2&gt;%7C|a¦b>',
    );
  });

  it('renders a digest item with escaped title, link and no tags context when there are none', () => {
    const payload = renderDigestItem(item);
    expect(sectionTexts(payload.blocks)).toEqual([
      '*<https://arxiv.org/abs/2511.01234?a=1&amp;b=2|A &lt;b&gt; &amp; C>*',
      'x &gt; y',
    ]);
    expect(JSON.stringify(payload.blocks)).toContain('score 0.50 · explore: unsure');
    expect(payload.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
  });

  it('splits a long message: sections ≤ 3000 characters, ≤ 50 blocks and bounded text per message', () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => `p${i} ${'lorem ipsum '.repeat(40)}`);
    paragraphs.push('&'.repeat(5000));
    const payloads = renderMessage(plainMessage(...paragraphs));
    expect(payloads.length).toBeGreaterThan(2);
    for (const payload of payloads) {
      expect(payload.blocks.length).toBeLessThanOrEqual(MAX_BLOCKS);
      expect(payload.text.length).toBeLessThanOrEqual(MESSAGE_TEXT_LIMIT);
      for (const text of sectionTexts(payload.blocks))
        expect(text.length).toBeLessThanOrEqual(SECTION_TEXT_LIMIT);
    }
    const all = payloads.flatMap((p) => sectionTexts(p.blocks)).join('');
    expect(all.split('&amp;').length - 1).toBe(5000);
  });
});

describe('slack emoji names', () => {
  it('maps the label emoji and skin tones to Unicode, unknown names to :name:', () => {
    expect(['+1', 'heart', 'fire', 'tada', '100', '-1', 'broken_heart', 'confused'].map(slackEmoji)).toEqual([
      '👍',
      '❤️',
      '🔥',
      '🎉',
      '💯',
      '👎',
      '💔',
      '😕',
    ]);
    expect(slackEmoji('+1::skin-tone-4')).toBe('👍');
    expect(slackEmoji('parrot')).toBe(':parrot:');
  });
});
