/**
 * Keyphrases of a paper (pure): noun-phrase candidates from a part-of-speech tagger (wink-nlp's
 * small English model: adjectives and nouns ending in a noun, hyphenated compounds kept whole),
 * scored against a corpus by how often the phrase occurs in the text and how rare it is across
 * papers. Phrases seen in only one paper of the corpus count less: a topic is shared by several
 * papers. Used for the extractive summaries' tags and for trend keys.
 */

import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { initialsOf, normalizeTag, tagWords } from '../tags/normalize.ts';

export interface KeyphraseCandidate {
  /** As written (lowercase unless an acronym or a mixed-case name), words joined by single spaces. */
  phrase: string;
  /** The normalized key spelling variants share (see `normalizeTag`). */
  key: string;
  /** Occurrences in the text. */
  count: number;
  /** Index of the first occurrence among the text's phrases (0 = the first phrase). */
  first: number;
  /** Whether the phrase occurs in the title (when a title was given). */
  inTitle: boolean;
}

export interface Keyphrase {
  phrase: string;
  key: string;
  score: number;
}

/** Document frequencies of candidate keys over a set of papers. */
export interface KeyphraseCorpus {
  readonly size: number;
  df(key: string): number;
}

export interface KeyphraseExtractor {
  /** The noun-phrase candidates of a title and a body text (the title's phrases are marked). */
  candidates(text: { title?: string; body: string }): KeyphraseCandidate[];
}

const HEAD_TAGS = new Set(['NOUN', 'PROPN']);
const MODIFIER_TAGS = new Set(['NOUN', 'PROPN', 'ADJ']);
const MAX_WORDS = 4;

/** Words that make a phrase generic however rare they are in the corpus. */
const GENERIC = new Set(
  (
    'approach approaches method methods framework frameworks model models paper papers work works ' +
    'result results performance task tasks problem problems study studies analysis system systems ' +
    'way ways use number numbers set sets type types kind kinds case cases step steps part parts ' +
    'state-of-the-art art experiment experiments evaluation evaluations datum data baseline baselines ' +
    'improvement improvements accuracy effectiveness efficiency setting settings issue issues ' +
    'challenge challenges question questions insight insights finding findings range variety ' +
    'application applications domain domains field fields aspect aspects benchmark benchmarks ' +
    'technique techniques strategy strategies ability abilities capability capabilities ' +
    'time times level levels process processes component components module modules ' +
    'point points percentage percentages improvement gain gains'
  ).split(' '),
);

/** Leading adjectives that say nothing about the topic ("novel", "existing"); dropped from a phrase. */
const VAGUE_MODIFIERS = new Set(
  (
    'novel new existing various different several many multiple such other prior previous recent ' +
    'current key main significant strong simple effective efficient robust proposed extensive ' +
    'comprehensive diverse better best first second unified consistent notable ' +
    'single same whole overall additional further important critical crucial substantial ' +
    'promising remarkable superior competitive powerful challenging real practical'
  ).split(' '),
);

interface Token {
  text: string;
  pos: string;
  /** Whether whitespace precedes the token. */
  spaced: boolean;
}

function displayForm(words: readonly string[]): string {
  return words
    .map((w) =>
      /^[A-Z0-9]{2,}s?$/.test(w) || /[a-z][A-Z]|[A-Z].*\d|\d.*[A-Z]/.test(w) ? w : w.toLowerCase(),
    )
    .join(' ')
    .replace(/ - /g, '-');
}

/** Joins hyphenated compounds ("retrieval - augmented") into one modifier or head token. */
function joinHyphens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    const prev = out.at(-1);
    if (token && prev && !token.spaced && /^\p{N}+$/u.test(prev.text) && /^\p{L}/u.test(token.text)) {
      prev.text = `${prev.text}${token.text}`;
      prev.pos = token.pos;
      continue;
    }
    if (token?.text === '-' && !token.spaced && prev && next && !next.spaced && after !== undefined) {
      prev.text = `${prev.text}-${next.text}`;
      prev.pos = HEAD_TAGS.has(next.pos) ? next.pos : 'ADJ';
      i++;
      continue;
    }
    if (token) out.push({ ...token });
  }
  return out;
}

/**
 * The tagger reads a verb after its subject as a noun ("generation grounds large models", "the
 * framework stores tables"): a lowercase plural-looking word between a noun and a modifier is a
 * phrase boundary (modifiers in English compounds are rarely plural).
 */
function looksLikeVerb(token: Token, prev: Token | undefined, next: Token | undefined): boolean {
  if (!prev || !next || !HEAD_TAGS.has(prev.pos) || !MODIFIER_TAGS.has(next.pos)) return false;
  return HEAD_TAGS.has(token.pos) && /^[a-z]{3,}[^su]s$/.test(token.text);
}

/** Maximal runs of modifiers ending in a noun, at most MAX_WORDS long, without vague leading adjectives. */
function phrasesOf(tokens: readonly Token[]): string[][] {
  const phrases: string[][] = [];
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length > 0 && !HEAD_TAGS.has(run.at(-1)?.pos ?? '')) run.pop();
    while (run.length > 0 && VAGUE_MODIFIERS.has((run[0]?.text ?? '').toLowerCase())) run.shift();
    if (run.length > MAX_WORDS) run = run.slice(-MAX_WORDS);
    if (run.length > 0) phrases.push(run.map((t) => t.text));
    run = [];
  };
  for (const [i, token] of tokens.entries()) {
    if (looksLikeVerb(token, tokens[i - 1], tokens[i + 1])) {
      flush();
      continue;
    }
    const wordLike =
      /^[\p{L}][\p{L}\p{N}-]*$/u.test(token.text) || /^[\p{N}]+[\p{L}][\p{L}\p{N}-]*$/u.test(token.text);
    if (MODIFIER_TAGS.has(token.pos) && wordLike) run.push(token);
    else flush();
  }
  flush();
  return phrases;
}

const isName = (word: string): boolean => /[A-Z]/.test(word);

function isGeneric(words: readonly string[]): boolean {
  const last = words.at(-1)?.toLowerCase() ?? '';
  if (words.length === 1) return GENERIC.has(last) || last.length < 3;
  return words.every((w) => GENERIC.has(w.toLowerCase()) || VAGUE_MODIFIERS.has(w.toLowerCase()));
}

export function createKeyphraseExtractor(): KeyphraseExtractor {
  const nlp = winkNLP(model, ['pos']);
  const its = nlp.its;
  const tokensOf = (text: string): Token[] => {
    const doc = nlp.readDoc(text);
    const words = doc.tokens().out();
    const tags = doc.tokens().out(its.pos);
    const spaces = doc.tokens().out(its.precedingSpaces);
    return words.map((word, i) => ({ text: word, pos: tags[i] ?? 'X', spaced: (spaces[i] ?? '') !== '' }));
  };
  const phrasesIn = (text: string): string[][] => phrasesOf(joinHyphens(tokensOf(text)));
  return {
    candidates({ title, body }) {
      const titleKeys = new Set(title ? phrasesIn(title).map((w) => normalizeTag(w.join(' '))) : []);
      const found = new Map<string, KeyphraseCandidate>();
      const all = [...(title ? phrasesIn(title) : []), ...phrasesIn(body)];
      for (const [index, words] of all.entries()) {
        if (isGeneric(words)) continue;
        const phrase = displayForm(words);
        const key = normalizeTag(phrase);
        if (key.length < 3) continue;
        const seen = found.get(key);
        if (seen) seen.count++;
        else found.set(key, { phrase, key, count: 1, first: index, inTitle: titleKeys.has(key) });
      }
      return [...found.values()];
    },
  };
}

/** The corpus statistics of the papers' candidates (one list per paper). */
export function createKeyphraseCorpus(papers: Iterable<readonly KeyphraseCandidate[]>): KeyphraseCorpus {
  const counts = new Map<string, number>();
  let size = 0;
  for (const candidates of papers) {
    size++;
    for (const key of new Set(candidates.map((c) => c.key))) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return { size, df: (key) => counts.get(key) ?? 0 };
}

export interface RankOptions {
  max?: number;
  /** Maps a phrase onto the tag vocabulary's canonical name (undefined when it has none). */
  canonical?: (phrase: string) => string | undefined;
}

/**
 * Scores the candidates: occurrences × idf, more for multi-word phrases and phrases in the title,
 * less for phrases no other paper of the corpus has (`df ≤ 1`); a phrase in the vocabulary takes
 * its canonical name and a small bonus (it is already a known topic). Best first, distinct keys.
 */
export function rankKeyphrases(
  candidates: readonly KeyphraseCandidate[],
  corpus: KeyphraseCorpus,
  options: RankOptions = {},
): Keyphrase[] {
  const n = Math.max(corpus.size, 1);
  const scored = candidates.map((c) => {
    const df = Math.max(corpus.df(c.key), 1);
    const idf = Math.log((n + 1) / df);
    const words = c.phrase.split(' ').length;
    const canonicalName = options.canonical?.(c.phrase);
    const shared = df >= 2 || corpus.size < 2 ? 1 : 0.35;
    // A lone common word ("survey", "future") is rarely a topic; an acronym or a name is.
    const lone = words === 1 && canonicalName === undefined && !isName(c.phrase) ? 0.3 : 1;
    const score =
      (1 + Math.log(c.count)) *
      idf *
      (1 + 0.35 * (Math.min(words, 3) - 1)) *
      (c.inTitle ? 1.5 : 1) *
      shared *
      lone *
      (canonicalName !== undefined ? 1.25 : 1) *
      (1 / (1 + c.first / 40));
    return { phrase: canonicalName ?? c.phrase, key: c.key, score };
  });
  const kept: Keyphrase[] = [];
  for (const k of scored.sort((a, b) => b.score - a.score || a.phrase.localeCompare(b.phrase))) {
    if (kept.length >= (options.max ?? 8)) break;
    if (!kept.some((other) => overlaps(other.phrase, k.phrase))) kept.push(k);
  }
  return kept;
}

/** Same key, or one phrase's words inside the other's ("language model" in "large language model"). */
function overlaps(a: string, b: string): boolean {
  const wa = ` ${tagWordsKey(a)} `;
  const wb = ` ${tagWordsKey(b)} `;
  return wa === wb || wa.includes(wb) || wb.includes(wa) || abbreviates(a, b) || abbreviates(b, a);
}

/** Whether `short` is the acronym of `long` ("LDMs" of "latent diffusion models"). */
function abbreviates(short: string, long: string): boolean {
  if (short.includes(' ') || !/^[A-Z][A-Za-z0-9]{1,6}$/.test(short)) return false;
  return initialsOf(long).includes(normalizeTag(short));
}

const tagWordsKey = (phrase: string): string => tagWords(phrase).join(' ');
