import { describe, expect, it } from 'vitest';
import { checkHtml } from '../../../tests/fakes/telegram/html-markup.ts';
import { checkMarkdownV2 } from '../../../tests/fakes/telegram/markdown-v2.ts';
import type { ChatMessage } from '../../chat/chat-adapter.ts';
import { htmlRenderer, markdownV2Renderer, renderMessage } from './render.ts';
import { splitMessage, TELEGRAM_MAX_LENGTH } from './split-message.ts';

const paragraph = (i: number): string =>
  `Paragraph ${i}: ${'lorem ipsum <dolor> & sit_amet. '.repeat(10)}`.trim();

describe('splitMessage', () => {
  it('keeps a short message whole', () => {
    const message: ChatMessage = { blocks: [[{ kind: 'text', text: 'hello' }]] };
    expect(splitMessage(message, htmlRenderer)).toEqual([message]);
  });

  it('splits a 6,000-character message on paragraph boundaries into parts of at most 4,096', () => {
    const blocks = Array.from({ length: 14 }, (_, i) => [{ kind: 'text' as const, text: paragraph(i) }]);
    const message: ChatMessage = { blocks };
    const total = renderMessage(htmlRenderer, message).length;
    expect(total).toBeGreaterThan(6000);
    expect(total).toBeLessThan(2 * TELEGRAM_MAX_LENGTH);
    const parts = splitMessage(message, htmlRenderer);
    expect(parts).toHaveLength(2);
    for (const part of parts)
      expect(renderMessage(htmlRenderer, part).length).toBeLessThanOrEqual(TELEGRAM_MAX_LENGTH);
    expect(parts.flatMap((p) => p.blocks)).toEqual(blocks);
  });

  it.each([
    ['HTML', htmlRenderer, checkHtml],
    ['MarkdownV2', markdownV2Renderer, checkMarkdownV2],
  ] as const)(
    '%s: cuts one huge bold paragraph at spaces, each part still valid markup',
    (_n, renderer, check) => {
      const words = Array.from({ length: 1500 }, (_, i) => `w${i}.`).join(' ');
      const message: ChatMessage = {
        blocks: [
          [
            { kind: 'text', text: 'intro ' },
            { kind: 'bold', text: words },
          ],
        ],
      };
      const parts = splitMessage(message, renderer);
      expect(parts.length).toBeGreaterThan(1);
      const plain = parts.map((part) => {
        const rendered = renderMessage(renderer, part);
        expect(rendered.length).toBeLessThanOrEqual(TELEGRAM_MAX_LENGTH);
        const result = check(rendered);
        if (!result.ok) throw new Error(result.error);
        return result.text;
      });
      expect(plain.join('')).toBe(`intro ${words}`);
    },
  );

  it('hard-cuts a word longer than the limit without splitting a surrogate pair', () => {
    const message: ChatMessage = { blocks: [[{ kind: 'text', text: '🏟'.repeat(30) }]] };
    const parts = splitMessage(message, htmlRenderer, 10);
    expect(parts.map((p) => renderMessage(htmlRenderer, p))).toEqual([
      '🏟🏟🏟🏟🏟',
      '🏟🏟🏟🏟🏟',
      '🏟🏟🏟🏟🏟',
      '🏟🏟🏟🏟🏟',
      '🏟🏟🏟🏟🏟',
      '🏟🏟🏟🏟🏟',
    ]);
  });
});
