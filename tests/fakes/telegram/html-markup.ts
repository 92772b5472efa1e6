/**
 * Telegram's `parse_mode: HTML` checker, reduced to what a bot can get wrong: unknown tags,
 * unbalanced tags and unclosed `<`. The error texts and UTF-8 byte offsets follow tdlib's
 * `parse_html` (td/test/message_entities.cpp), which the Bot API server runs.
 */
export type MarkupResult = { ok: true; text: string } | { ok: false; error: string };

const SUPPORTED_TAGS = new Set([
  'a',
  'b',
  'strong',
  'i',
  'em',
  's',
  'strike',
  'del',
  'u',
  'ins',
  'tg-spoiler',
  'tg-emoji',
  'span',
  'pre',
  'code',
  'blockquote',
]);

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

export function byteOffset(text: string, index: number): number {
  return Buffer.byteLength(text.slice(0, index), 'utf8');
}

/** Decodes `&lt;`-style and numeric entities; unknown named entities stay as written, as in tdlib. */
function decodeEntity(text: string, at: number): { value: string; next: number } {
  const match = /^&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);?/.exec(text.slice(at));
  if (!match?.[1]) return { value: '&', next: at + 1 };
  const name = match[1];
  if (name.startsWith('#')) {
    const code = name.startsWith('#x')
      ? Number.parseInt(name.slice(2), 16)
      : Number.parseInt(name.slice(1), 10);
    if (code > 0 && code <= 0x10ffff)
      return { value: String.fromCodePoint(code), next: at + match[0].length };
    return { value: match[0], next: at + match[0].length };
  }
  const named = NAMED_ENTITIES[name];
  return named === undefined ? { value: '&', next: at + 1 } : { value: named, next: at + match[0].length };
}

function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\n' || char === '\r';
}

/** Index of the `>` that ends a start tag, skipping quoted attribute values; -1 when missing. */
function findTagEnd(text: string, from: number): number {
  let quote: string | undefined;
  for (let i = from; i < text.length; i++) {
    const char = text[i];
    if (quote !== undefined) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '>') {
      return i;
    }
  }
  return -1;
}

function readName(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isSpace(text[i]) && text[i] !== '>' && text[i] !== '/') i++;
  return i;
}

export function checkHtml(text: string): MarkupResult {
  const stack: string[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (char === '&') {
      const { value, next } = decodeEntity(text, i);
      plain += value;
      i = next;
      continue;
    }
    if (char !== '<') {
      plain += char;
      i++;
      continue;
    }
    const at = byteOffset(text, i);
    if (text[i + 1] === '/') {
      if (stack.length === 0) return { ok: false, error: `Unexpected end tag at byte offset ${at}` };
      const nameEnd = readName(text, i + 2);
      const name = text.slice(i + 2, nameEnd).toLowerCase();
      let close = nameEnd;
      while (isSpace(text[close])) close++;
      if (text[close] !== '>') return { ok: false, error: `Unclosed end tag at byte offset ${at}` };
      const open = stack.pop();
      if (name !== '' && name !== open) {
        return {
          ok: false,
          error: `Unmatched end tag at byte offset ${at}, expected "</${open}>", found "</${name}>"`,
        };
      }
      i = close + 1;
      continue;
    }
    const nameEnd = readName(text, i + 1);
    if (nameEnd >= text.length) return { ok: false, error: `Unclosed start tag at byte offset ${at}` };
    const name = text.slice(i + 1, nameEnd).toLowerCase();
    if (!SUPPORTED_TAGS.has(name)) {
      return { ok: false, error: `Unsupported start tag "${name}" at byte offset ${at}` };
    }
    const end = findTagEnd(text, nameEnd);
    if (end === -1) return { ok: false, error: `Unclosed start tag "${name}" at byte offset ${at}` };
    stack.push(name);
    i = end + 1;
  }
  const unclosed = stack.pop();
  if (unclosed !== undefined) {
    return { ok: false, error: `Can't find end tag corresponding to start tag "${unclosed}"` };
  }
  return { ok: true, text: plain };
}
