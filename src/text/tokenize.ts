/**
 * The shared text analyzer (pure): used by BM25 search and by the ranker's lexical features.
 *
 * Steps, modelled on Lucene's English analysis so BM25 figures compare with the BEIR baselines:
 * NFKC normalization and lowercasing (full-width forms and ligatures such as "ﬁ" fold to plain
 * letters); tokens are runs of letters, digits and combining marks; a possessive "'s" is dropped
 * (Lucene's EnglishPossessiveFilter); stop words are removed (Lucene's English set by default);
 * the rest is Porter-stemmed (the `stemmer` package implements Porter 1980, the same algorithm
 * as Lucene's PorterStemFilter).
 *
 * Two things Lucene's StandardTokenizer splits that we keep whole: arXiv ids (`2511.01234`,
 * `2511.01234v2` → `2511.01234`, old style `hep-th/9901001`) and hyphenated terms. A hyphenated
 * term yields its parts (as Lucene does) and, with `compounds: 'both'`, also the whole compound
 * made of its stemmed parts (`state-of-the-art` → state, art, state-of-the-art), so an exact
 * compound match ranks above scattered parts.
 */
import { stemmer } from 'stemmer';
import { isAscii, scanAscii, TokenKind } from './ascii-scanner.ts';
import { LUCENE_ENGLISH_STOP_WORDS } from './stop-words.ts';

export type CompoundMode = 'parts' | 'whole' | 'both';

export interface AnalyzerOptions {
  /** Default: Lucene's English stop set. Pass an empty set to keep every word. */
  stopWords?: ReadonlySet<string> | undefined;
  /** Porter stemming (default true). */
  stem?: boolean | undefined;
  /** How hyphenated terms are indexed (default 'both'). */
  compounds?: CompoundMode | undefined;
}

/** Text → index terms, in order, repeats kept (term frequency counts them). */
export type Analyzer = (text: string) => string[];

const ARXIV_NEW = String.raw`\d{4}\.\d{4,5}(?:v\d+)?`;
const ARXIV_OLD = String.raw`[a-z][a-z-]*(?:\.[a-z]{2})?\/\d{7}(?:v\d+)?`;
const WORD = String.raw`[\p{L}\p{N}\p{M}]+(?:['’][\p{L}]+)*`;
const NUMBER = String.raw`\p{N}+(?:[.,]\p{N}+)+`;
const HYPHENS = String.raw`[-\u2010\u2011]`;
const TOKEN_PATTERN = new RegExp(
  `(${ARXIV_NEW}|${ARXIV_OLD})|(${NUMBER})|(${WORD}(?:${HYPHENS}${WORD})*)`,
  'gu',
);
/** The tokens the pattern finds in normalized text, as [kind, token] (for checking the ASCII scanner). */
export function regexTokens(normalized: string): [1 | 2 | 3, string][] {
  return [...normalized.matchAll(TOKEN_PATTERN)].map((m): [1 | 2 | 3, string] =>
    m[1] !== undefined ? [1, m[1]] : m[2] !== undefined ? [2, m[2]] : [3, m[0]],
  );
}
const HYPHEN_SPLIT = new RegExp(HYPHENS, 'u');
const APOSTROPHE = /['’]/u;
const ARXIV_VERSION = /v\d+$/u;
const STEM_CACHE_LIMIT = 200_000;

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 may represent a
 * slice as a view on its parent, so a word kept as a cache key or an index term would keep its
 * whole document alive: over a corpus the caches would hold every text.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}

/** NFKC and lowercase: the normalization every analyzer shares. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function stripPossessive(word: string): string {
  const at = word.search(APOSTROPHE);
  if (at < 0) return word;
  const rest = word.slice(at + 1);
  // Lucene drops a trailing 's; other apostrophes ("don't") stay inside the word, we drop them.
  return rest === 's' ? word.slice(0, at) : word.replace(/['’]/gu, '');
}

/** A word token's terms: stop word → none, a compound → its parts and/or the whole, else its stem. */
function createWordAnalyzer(options: AnalyzerOptions, memoize = true): (word: string) => readonly string[] {
  const stopWords = options.stopWords ?? LUCENE_ENGLISH_STOP_WORDS;
  const stem = options.stem ?? true;
  const compounds = options.compounds ?? 'both';
  // Stemming dominates indexing time; words repeat a lot, so memoize (bounded).
  const cache = new Map<string, string>();
  const stemWord = (word: string): string => {
    if (!stem) return word;
    let out = memoize ? cache.get(word) : undefined;
    if (out === undefined) {
      out = /\p{L}/u.test(word) ? stemmer(word) : word;
      if (!memoize) return out;
      if (cache.size >= STEM_CACHE_LIMIT) cache.clear();
      cache.set(detach(word), out === word ? detach(out) : out);
    }
    return out;
  };
  const addWord = (raw: string, out: string[]): void => {
    const word = stripPossessive(raw);
    if (word === '' || stopWords.has(word)) return;
    out.push(stemWord(word));
  };
  const addCompound = (raw: string, out: string[]): void => {
    const parts = raw.split(HYPHEN_SPLIT).map(stripPossessive);
    if (compounds !== 'whole') for (const part of parts) addWord(part, out);
    if (compounds !== 'parts') out.push(parts.map(stemWord).join('-'));
  };
  // The terms of each distinct raw word, memoized (bounded): a word's analysis never depends on
  // its context, and most words of a corpus repeat, so most tokens cost one Map lookup.
  const wordCache = new Map<string, readonly string[]>();
  const analyzeWord = (word: string): readonly string[] => {
    let terms = memoize ? wordCache.get(word) : undefined;
    if (terms === undefined) {
      const fresh: string[] = [];
      if (HYPHEN_SPLIT.test(word)) addCompound(word, fresh);
      else addWord(word, fresh);
      if (!memoize) return fresh;
      terms = fresh;
      if (wordCache.size >= STEM_CACHE_LIMIT) wordCache.clear();
      wordCache.set(detach(word), terms);
    }
    return terms;
  };
  return analyzeWord;
}

export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  const analyzeWord = createWordAnalyzer(options);
  const pushWord = (word: string, out: string[]) => {
    const terms = analyzeWord(word);
    if (terms.length === 1) out.push(terms[0] as string);
    else for (const term of terms) out.push(term);
  };
  return (text) => {
    const out: string[] = [];
    scanTokens(
      text,
      (word) => pushWord(word, out),
      (token) => out.push(token),
    );
    return out;
  };
}

/**
 * Calls `onWord` with each word token of the normalized text and `onToken` with each other
 * token (an arXiv id without its version, a decimal number), in order.
 */
function scanTokens(text: string, onWord: (word: string) => void, onToken: (token: string) => void): void {
  const normalized = normalizeText(text);
  if (isAscii(normalized)) {
    scanAscii(normalized, (kind, token) => {
      if (kind === TokenKind.Word) onWord(token);
      else onToken(kind === TokenKind.ArxivId ? token.replace(ARXIV_VERSION, '') : token);
    });
    return;
  }
  // One shared pattern driven by `lastIndex` (the analyzer is synchronous): `matchAll` would
  // clone the regex and allocate an iterator per text.
  const pattern = TOKEN_PATTERN;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(normalized); match !== null; match = pattern.exec(normalized)) {
    const arxivId = match[1];
    const number = match[2];
    const word = match[3];
    if (arxivId !== undefined) onToken(arxivId.replace(ARXIV_VERSION, ''));
    else if (number !== undefined) onToken(number);
    else if (word !== undefined) onWord(word);
  }
}

/** Text → the numbers of its index terms, in order (what an index builder consumes). */
export type TermNumberAnalyzer = (text: string, emit: (term: number) => void) => void;

/**
 * The analyzer of `options` for index building: each distinct raw word is analyzed once and its
 * terms numbered once through `intern`, so most tokens cost one Map lookup and allocate nothing
 * (no term strings, no per-document arrays). Emits exactly the terms `createAnalyzer` returns.
 */
export function createTermNumberAnalyzer(
  options: AnalyzerOptions,
  intern: (term: string) => number,
): TermNumberAnalyzer {
  // The numbers below memoize each word already: no second cache of strings.
  const analyzeWord = createWordAnalyzer(options, false);
  const numbers = new Map<string, number | readonly number[]>();
  let emit: (term: number) => void = () => undefined;
  const onWord = (word: string): void => {
    let found = numbers.get(word);
    if (found === undefined) {
      const terms = analyzeWord(word).map(intern);
      found = terms.length === 1 ? (terms[0] as number) : terms;
      if (numbers.size >= STEM_CACHE_LIMIT) numbers.clear();
      numbers.set(detach(word), found);
    }
    if (typeof found === 'number') emit(found);
    else for (const term of found) emit(term);
  };
  const onToken = (token: string): void => emit(intern(token));
  return (text, sink) => {
    emit = sink;
    scanTokens(text, onWord, onToken);
  };
}

/** A fingerprint of the analyzer's behaviour: an index built with another analyzer is stale. */
export function analyzerSignature(options: AnalyzerOptions = {}): string {
  const stopWords = [...(options.stopWords ?? LUCENE_ENGLISH_STOP_WORDS)].sort().join(',');
  let hash = 0x811c9dc5;
  for (let i = 0; i < stopWords.length; i++) hash = Math.imul(hash ^ stopWords.charCodeAt(i), 0x01000193);
  const stop = (hash >>> 0).toString(16);
  return `v1:porter=${options.stem ?? true}:compounds=${options.compounds ?? 'both'}:stop=${stop}`;
}

/** The default analyzer (Lucene English stop set, Porter stemming, compounds whole and split). */
export const tokenize: Analyzer = createAnalyzer();
