/**
 * scikit-learn's word analyzer as `TfidfVectorizer` configures it: strip accents (NFKD, drop
 * combining marks), lowercase, tokens matching `(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b`, stop words
 * removed before the n-grams are formed, then word n-grams joined by a space.
 */

export interface AnalyzerOptions {
  stopWords: ReadonlySet<string>;
  /** Longest n-gram (1 or 2 in practice). */
  ngramMax: number;
  /** Applied to each token after the stop words are removed (e.g. a stemmer); identity when absent. */
  normalizeToken?: (token: string) => string;
}

// Python's \b under (?u) sees letters, digits and _ of any script as word characters.
const TOKEN = /(?<![\p{L}\p{N}_])[a-zA-Z_][a-zA-Z0-9_]+(?![\p{L}\p{N}_])/gu;
const COMBINING = /\p{M}/gu;

/**
 * Calls `visit` with each raw token of the text (accents stripped, lowercased, before stop words
 * and normalization). All-ASCII text (most abstracts) skips NFKD and the unicode-property regex:
 * in ASCII a match is exactly a maximal run of [a-z0-9_] of two or more characters not starting
 * with a digit, found here by a scan that is several times faster than the regex.
 */
export function forEachRawToken(text: string, visit: (token: string) => void): void {
  if (!isAscii(text)) {
    const plain = text.normalize('NFKD').replace(COMBINING, '').toLowerCase();
    for (const match of plain.matchAll(TOKEN)) visit(match[0]);
    return;
  }
  const lower = text.toLowerCase();
  const end = lower.length;
  let i = 0;
  while (i < end) {
    if (!isWord(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < end && isWord(lower.charCodeAt(i))) i++;
    const first = lower.charCodeAt(start);
    if (i - start >= 2 && !(first >= 48 && first <= 57)) visit(lower.slice(start, i));
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

/** [a-z0-9_] (the text is already lowercased). */
const isWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;

export function tokenize(text: string, options: AnalyzerOptions): string[] {
  const tokens: string[] = [];
  forEachRawToken(text, (token) => {
    if (options.stopWords.has(token)) return;
    tokens.push(options.normalizeToken ? options.normalizeToken(token) : token);
  });
  return tokens;
}

/** Every n-gram occurrence of the text, unigrams first (duplicates kept: they are the counts). */
export function analyze(text: string, options: AnalyzerOptions): string[] {
  const tokens = tokenize(text, options);
  const out = [...tokens];
  for (let n = 2; n <= options.ngramMax; n++)
    for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join(' '));
  return out;
}
