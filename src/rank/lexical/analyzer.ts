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

export function tokenize(text: string, options: AnalyzerOptions): string[] {
  const plain = text.normalize('NFKD').replace(COMBINING, '').toLowerCase();
  const tokens: string[] = [];
  for (const match of plain.matchAll(TOKEN)) {
    const token = match[0];
    if (options.stopWords.has(token)) continue;
    tokens.push(options.normalizeToken ? options.normalizeToken(token) : token);
  }
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
