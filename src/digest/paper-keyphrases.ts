/**
 * Keyphrases of papers against a corpus of papers (their titles and abstracts as plain text,
 * LaTeX resolved): the extractive summaries' tags. Pure; the tagger is built on first use.
 */
import {
  createKeyphraseCorpus,
  createKeyphraseExtractor,
  type KeyphraseCandidate,
  type KeyphraseCorpus,
  type KeyphraseExtractor,
  rankKeyphrases,
} from '../text/keyphrases.ts';
import { texToText } from '../text/latex/render-tex.ts';

export interface PaperLike {
  id?: string;
  title: string;
  abstract: string;
}

export interface PaperKeyphrases {
  /** The best keyphrases of `paper`, at most `max`. */
  of(paper: PaperLike, max?: number): string[];
}

let shared: KeyphraseExtractor | undefined;
const extractor = (): KeyphraseExtractor => {
  shared ??= createKeyphraseExtractor();
  return shared;
};

function candidatesOf(paper: PaperLike): KeyphraseCandidate[] {
  return extractor().candidates({ title: texToText(paper.title), body: texToText(paper.abstract) });
}

/**
 * Keyphrases scored against `corpus` (e.g. the store's recent papers); the papers asked about
 * count in the corpus too. `canonical` maps a phrase to the tag vocabulary's name.
 */
export function createPaperKeyphrases(
  corpus: readonly PaperLike[],
  canonical?: (phrase: string) => string | undefined,
): PaperKeyphrases {
  const cache = new Map<string, KeyphraseCandidate[]>();
  const candidates = (paper: PaperLike): KeyphraseCandidate[] => {
    const key = paper.id ?? `${paper.title}\n${paper.abstract}`;
    let found = cache.get(key);
    if (!found) {
      found = candidatesOf(paper);
      cache.set(key, found);
    }
    return found;
  };
  const stats: KeyphraseCorpus = createKeyphraseCorpus(corpus.map(candidates));
  return {
    of(paper, max = 6) {
      const own = candidates(paper);
      const inCorpus = corpus.some((p) => (p.id ?? p.title) === (paper.id ?? paper.title));
      const withPaper: KeyphraseCorpus = inCorpus
        ? stats
        : {
            size: stats.size + 1,
            df: (key) => stats.df(key) + (own.some((c) => c.key === key) ? 1 : 0),
          };
      const ranked = rankKeyphrases(own, withPaper, { max: max + 4, ...(canonical ? { canonical } : {}) });
      // A lone common word ("concept", "answer") is a tag only when the paper has little else.
      const lone = (phrase: string): boolean => !phrase.includes(' ') && !/[A-Z0-9]/.test(phrase);
      const phrases = ranked.map((k) => k.phrase);
      const strong = phrases.filter((p) => !lone(p));
      return (strong.length >= 3 ? strong : [...strong, ...phrases.filter(lone)]).slice(0, max);
    },
  };
}
