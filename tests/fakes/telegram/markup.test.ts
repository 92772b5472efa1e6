import { describe, expect, it } from 'vitest';
import { checkHtml } from './html-markup.ts';
import { checkMarkdownV2 } from './markdown-v2.ts';

// Expected texts and byte offsets come from tdlib's td/test/message_entities.cpp.
describe('Telegram HTML checker', () => {
  it.each([
    ['🏟 🏟&lt;<abacaba', 'Unclosed start tag at byte offset 13'],
    ['🏟 🏟&lt;<abac aba>', 'Unsupported start tag "abac" at byte offset 13'],
    ['🏟 🏟&lt;<i    aba>', 'Can\'t find end tag corresponding to start tag "i"'],
    ['🏟 🏟&lt;</', 'Unexpected end tag at byte offset 13'],
    ['🏟 🏟&lt;<b></b></', 'Unexpected end tag at byte offset 20'],
    ['🏟 🏟&lt;<i>a</i   ', 'Unclosed end tag at byte offset 17'],
    ['🏟 🏟&lt;<i>a</em   >', 'Unmatched end tag at byte offset 17, expected "</i>", found "</em>"'],
  ])('rejects %j', (text, error) => {
    expect(checkHtml(text)).toEqual({ ok: false, error });
  });

  it.each([
    ['&ge;&lt;&gt;&amp;&quot;', '&ge;<>&"'],
    ['🏟 🏟<i>🏟 &lt🏟</i>', '🏟 🏟🏟 <🏟'],
    ['🏟 🏟&lt;<i>🏟 🏟&lt;</>', '🏟 🏟<🏟 🏟<'],
    ['<a href="https://arxiv.org/abs/2401.00001?a=1&amp;b=2">paper</a>', 'paper'],
    ['<blockquote expandable>a<pre><code class="language-ts">b</code></pre></blockquote>', 'ab'],
  ])('accepts %j', (text, plain) => {
    expect(checkHtml(text)).toEqual({ ok: true, text: plain });
  });
});

describe('Telegram MarkdownV2 checker', () => {
  it.each([
    ['🏟 🏟_abacaba', "Can't find end of Italic entity at byte offset 9"],
    ['🏟 🏟_abac * asd ', "Can't find end of Bold entity at byte offset 15"],
    ['🏟 🏟_abac * asd _', "Can't find end of Italic entity at byte offset 21"],
    ['🏟 🏟`', "Can't find end of Code entity at byte offset 9"],
    ['🏟 🏟```a', "Can't find end of Pre entity at byte offset 9"],
    ['🏟 🏟_🏟 🏟__', "Can't find end of Underline entity at byte offset 19"],
    ['[telegram\\.org](asd', "Can't find end of a URL at byte offset 16"],
    ['🏟 🏟!', "Character '!' is reserved and must be escaped with the preceding '\\'"],
    ['a-b', "Character '-' is reserved and must be escaped with the preceding '\\'"],
  ])('rejects %j', (text, error) => {
    expect(checkMarkdownV2(text)).toEqual({ ok: false, error });
  });

  it.each([
    ['🏟 🏟_abac \\* asd _', '🏟 🏟abac * asd '],
    ['🏟 🏟_🏟 __🏟___', '🏟 🏟🏟 🏟'],
    ['||test||', 'test'],
    ['`_* *_`__*` `*__', '_* *_ '],
    ['[telegram\\.org](https://telegram.dog?\\\\\\()', 'telegram.org'],
    ['>quote\n*bold*', 'quote\nbold'],
  ])('accepts %j', (text, plain) => {
    expect(checkMarkdownV2(text)).toEqual({ ok: true, text: plain });
  });
});
