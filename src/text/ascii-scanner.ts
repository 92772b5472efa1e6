/**
 * A hand-written scanner for all-ASCII (already lowercased) text that finds exactly the tokens
 * the analyzer's TOKEN_PATTERN finds, without a regex: the unicode-property regex and its match
 * arrays dominated indexing time, and most abstracts are plain ASCII. Non-ASCII text keeps the
 * regex. Equality with the regex is checked in `tokenize.test.ts`.
 *
 * In ASCII the pattern's classes reduce to: letters a–z, digits 0–9, no combining marks, the
 * apostrophe `'` and the hyphen `-`.
 */

export enum TokenKind {
  ArxivId = 1,
  Number = 2,
  Word = 3,
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLetter = (c: number): boolean => c >= 97 && c <= 122;
const isWordChar = (c: number): boolean => isLetter(c) || isDigit(c);
const APOSTROPHE = 39;
const HYPHEN = 45;
const DOT = 46;
const COMMA = 44;
const SLASH = 47;
const V = 118;

/** True when every code unit is below 128 (then `scanAscii` applies). */
export function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function digitsEnd(s: string, from: number): number {
  let i = from;
  while (i < s.length && isDigit(s.charCodeAt(i))) i++;
  return i;
}

/** `v\d+` at `at`, else `at`. */
function versionEnd(s: string, at: number): number {
  if (s.charCodeAt(at) === V && isDigit(s.charCodeAt(at + 1))) return digitsEnd(s, at + 1);
  return at;
}

/** `\d{4}\.\d{4,5}(?:v\d+)?` at `p`: its end, or -1. */
function arxivNew(s: string, p: number): number {
  for (let i = 0; i < 4; i++) if (!isDigit(s.charCodeAt(p + i))) return -1;
  if (s.charCodeAt(p + 4) !== DOT) return -1;
  for (let i = 5; i < 9; i++) if (!isDigit(s.charCodeAt(p + i))) return -1;
  const end = isDigit(s.charCodeAt(p + 9)) ? p + 10 : p + 9;
  return versionEnd(s, end);
}

/** `[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?` at `p`: its end, or -1. */
function arxivOld(s: string, p: number): number {
  let i = p + 1;
  while (i < s.length && (isLetter(s.charCodeAt(i)) || s.charCodeAt(i) === HYPHEN)) i++;
  if (s.charCodeAt(i) === DOT) {
    if (!isLetter(s.charCodeAt(i + 1)) || !isLetter(s.charCodeAt(i + 2))) return -1;
    i += 3;
  }
  if (s.charCodeAt(i) !== SLASH) return -1;
  for (let j = 1; j <= 7; j++) if (!isDigit(s.charCodeAt(i + j))) return -1;
  return versionEnd(s, i + 8);
}

/** `\p{N}+(?:[.,]\p{N}+)+` at `p`: its end, or -1. */
function number(s: string, p: number): number {
  let i = digitsEnd(s, p);
  let groups = 0;
  for (;;) {
    const c = s.charCodeAt(i);
    if ((c !== DOT && c !== COMMA) || !isDigit(s.charCodeAt(i + 1))) break;
    i = digitsEnd(s, i + 1);
    groups++;
  }
  return groups > 0 ? i : -1;
}

/** `[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)*` at `p`: its end (p must be a word character). */
function wordPart(s: string, p: number): number {
  let i = p;
  while (i < s.length && isWordChar(s.charCodeAt(i))) i++;
  while (s.charCodeAt(i) === APOSTROPHE && isLetter(s.charCodeAt(i + 1))) {
    i += 2;
    while (i < s.length && isLetter(s.charCodeAt(i))) i++;
  }
  return i;
}

/** A word with its hyphenated continuations. */
function word(s: string, p: number): number {
  let i = wordPart(s, p);
  while (s.charCodeAt(i) === HYPHEN && isWordChar(s.charCodeAt(i + 1))) i = wordPart(s, i + 1);
  return i;
}

/** Calls `emit` with each token of lowercased ASCII `s`, in order. */
export function scanAscii(s: string, emit: (kind: TokenKind, token: string) => void): void {
  let p = 0;
  while (p < s.length) {
    const c = s.charCodeAt(p);
    if (!isWordChar(c)) {
      p++;
      continue;
    }
    let end = isDigit(c) ? arxivNew(s, p) : arxivOld(s, p);
    let kind = TokenKind.ArxivId;
    if (end < 0 && isDigit(c)) {
      end = number(s, p);
      kind = TokenKind.Number;
    }
    if (end < 0) {
      end = word(s, p);
      kind = TokenKind.Word;
    }
    emit(kind, s.slice(p, end));
    p = end;
  }
}
