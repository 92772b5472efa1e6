/**
 * Telegram's `parse_mode: MarkdownV2` checker, following tdlib's `parse_markdown_v2`: the reserved
 * characters `_*[]()~\`>#+-=|{}.!` must be escaped with `\` outside entities, only the top open
 * entity can be closed, and an unclosed entity is reported at its start. Error texts and UTF-8 byte
 * offsets are tdlib's (td/test/message_entities.cpp). Custom-emoji URLs are not validated.
 */
import { byteOffset, type MarkupResult } from './html-markup.ts';

type Entity =
  | 'Bold'
  | 'Italic'
  | 'Underline'
  | 'Strikethrough'
  | 'Spoiler'
  | 'Code'
  | 'Pre'
  | 'TextUrl'
  | 'CustomEmoji';

interface Open {
  type: Entity;
  index: number;
}

const RESERVED = new Set([
  '_',
  '*',
  '[',
  ']',
  '(',
  ')',
  '~',
  '`',
  '>',
  '#',
  '+',
  '-',
  '=',
  '|',
  '{',
  '}',
  '.',
  '!',
]);

const reserved = (char: string): MarkupResult => ({
  ok: false,
  error: `Character '${char}' is reserved and must be escaped with the preceding '\\'`,
});

/** Does the character at `i` close the entity on top of the stack? Returns its length, or 0. */
function closingLength(top: Entity, text: string, i: number): number {
  const char = text[i];
  const next = text[i + 1];
  switch (top) {
    case 'Bold':
      return char === '*' ? 1 : 0;
    case 'Italic':
      return char === '_' && next !== '_' ? 1 : 0;
    case 'Underline':
      return char === '_' && next === '_' ? 2 : 0;
    case 'Strikethrough':
      return char === '~' ? 1 : 0;
    case 'Spoiler':
      return char === '|' && next === '|' ? 2 : 0;
    case 'Code':
      return char === '`' ? 1 : 0;
    case 'Pre':
      return text.startsWith('```', i) ? 3 : 0;
    case 'TextUrl':
    case 'CustomEmoji':
      return char === ']' ? 1 : 0;
  }
}

/** The entity a character opens and how many characters its marker takes; undefined when none. */
function opening(text: string, i: number): { type: Entity; length: number } | undefined {
  const char = text[i];
  const next = text[i + 1];
  if (char === '_') return next === '_' ? { type: 'Underline', length: 2 } : { type: 'Italic', length: 1 };
  if (char === '*') return { type: 'Bold', length: 1 };
  if (char === '~') return { type: 'Strikethrough', length: 1 };
  if (char === '|' && next === '|') return { type: 'Spoiler', length: 2 };
  if (char === '[') return { type: 'TextUrl', length: 1 };
  if (char === '!' && next === '[') return { type: 'CustomEmoji', length: 2 };
  if (char === '`')
    return text.startsWith('```', i) ? { type: 'Pre', length: 3 } : { type: 'Code', length: 1 };
  return undefined;
}

/** Skips a `(url)` after a link's `]`; returns the index after `)`, or an error. */
function skipUrl(text: string, from: number): number | MarkupResult {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === ')') return i + 1;
  }
  return { ok: false, error: `Can't find end of a URL at byte offset ${byteOffset(text, from)}` };
}

const atLineStart = (text: string, i: number): boolean =>
  i === 0 || text[i - 1] === '\n' || text[i - 1] === '\r';

export function checkMarkdownV2(text: string): MarkupResult {
  const stack: Open[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const char = text[i] ?? '';
    const next = text[i + 1];
    if (char === '\\' && next !== undefined && next.charCodeAt(0) > 0 && next.charCodeAt(0) <= 126) {
      plain += next;
      i += 2;
      continue;
    }
    const top = stack.at(-1);
    const closes = top ? closingLength(top.type, text, i) : 0;
    if (top && closes > 0) {
      stack.pop();
      i += closes;
      if ((top.type === 'TextUrl' || top.type === 'CustomEmoji') && text[i] === '(') {
        const after = skipUrl(text, i + 1);
        if (typeof after !== 'number') return after;
        i = after;
      } else if (top.type === 'CustomEmoji') {
        return { ok: false, error: 'Custom emoji entity must contain a tg://emoji URL' };
      }
      continue;
    }
    if (top?.type === 'Code' || top?.type === 'Pre') {
      plain += char;
      i++;
      continue;
    }
    const open = opening(text, i);
    if (open) {
      stack.push({ type: open.type, index: i });
      i += open.length;
      continue;
    }
    if (char === '>' && atLineStart(text, i)) {
      i++;
      continue;
    }
    if (RESERVED.has(char)) return reserved(char);
    plain += char;
    i++;
  }
  const unclosed = stack.at(-1);
  if (unclosed) {
    return {
      ok: false,
      error: `Can't find end of ${unclosed.type} entity at byte offset ${byteOffset(text, unclosed.index)}`,
    };
  }
  return { ok: true, text: plain };
}
