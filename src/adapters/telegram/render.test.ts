import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../../tests/fakes/telegram/html-markup.ts';
import { checkMarkdownV2 } from '../../../tests/fakes/telegram/markdown-v2.ts';
import type { ChatMessage } from '../../chat/chat-adapter.ts';
import { digestItemMessage, plainText } from '../../chat/message-format.ts';
import { escapeMarkdownV2, htmlRenderer, markdownV2Renderer, renderMessage } from './render.ts';

const TRICKY = 'Fast_Attn*: [Sparse] (MoE) ~2x <faster> & cheaper! a-b=c #1 {x} |y| `z` > q. back\\slash';

const item = {
  paperId: '2511.01234',
  title: TRICKY,
  tldr: 'Uses 1.5x less memory (on A100) — see "results".',
  tags: ['efficient_inference', 'moe'],
  score: 0.873,
  reason: 'top' as const,
  reasonText: 'top score',
  links: { abs: 'https://arxiv.org/abs/2511.01234', pdf: 'https://arxiv.org/pdf/2511.01234?a=1&b=(2)' },
};

describe('Telegram renderers', () => {
  it.each([
    ['HTML', htmlRenderer, checkHtml],
    ['MarkdownV2', markdownV2Renderer, checkMarkdownV2],
  ] as const)(
    '%s: a digest item with reserved characters parses and shows the exact text',
    (_name, renderer, check) => {
      const message = digestItemMessage(item);
      const result = check(renderMessage(renderer, message));
      expect(result).toEqual({ ok: true, text: expect.any(String) });
      if (!result.ok) return;
      expect(result.text.replace(/\r/g, '')).toBe(plainText(message));
      expect(result.text).toContain(TRICKY);
    },
  );

  it('MarkdownV2: two adjacent italic pieces do not turn into an underline', () => {
    const message: ChatMessage = {
      blocks: [
        [
          { kind: 'italic', text: 'a' },
          { kind: 'italic', text: 'b' },
        ],
      ],
    };
    const result = checkMarkdownV2(renderMessage(markdownV2Renderer, message));
    expect(result.ok && result.text.replace(/\r/g, '')).toBe('ab');
  });

  it('escapes every MarkdownV2 reserved character', () => {
    expect(escapeMarkdownV2('_*[]()~`>#+-=|{}.!\\')).toBe(
      '\\_\\*\\[\\]\\(\\)\\~\\`\\>\\#\\+\\-\\=\\|\\{\\}\\.\\!\\\\',
    );
  });

  it('HTML: escapes <, > and & in text and quotes in link URLs', () => {
    expect(htmlRenderer.renderInline({ kind: 'link', text: 'a<b', url: 'https://x.org/?q="1"&r=2' })).toBe(
      '<a href="https://x.org/?q=&quot;1&quot;&amp;r=2">a&lt;b</a>',
    );
  });
});
