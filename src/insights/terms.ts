/**
 * Terms of titles and abstracts (words and two-word phrases without stopwords) and the terms
 * most distinctive of a group of documents against a corpus: tf-idf with document frequency as
 * tf, `share × ln(N / (1 + df))`. Pure.
 */

const STOPWORDS = new Set(
  `a about above across after again against all also although among an and any are as at be because been before
being below between both but by can could did do does doing during each either few for from further had has have
having here how however i if in into is it its itself just more most much must no nor not of off on once only or other
our ours out over own same she should so some such than that the their them then there these they this those through
to too under until up upon very was we were what when where which while who whom why will with within without would
you your via using use used uses based new propose proposed proposes present presents paper work approach approaches
method methods show shows shown result results demonstrate demonstrates achieve achieves achieving existing novel
framework study introduce introduces introducing across several significantly significant further first one two
three different various many well better large small high low often even still may might while thus therefore
across extensive experiments experimental state-of-the-art sota performance improve improves improved improvement
task tasks model models data dataset datasets code available including provide provides enable enables like given
make makes remains remain key ability able however furthermore moreover specifically recent recently`.split(
    /\s+/,
  ),
);

const WORD = /[\p{L}\p{N}][\p{L}\p{N}-]*/gu;

function words(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((w) => w.replace(/-+$/, ''));
}

function isContent(word: string): boolean {
  return word.length >= 3 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

/** The distinct words and adjacent word pairs of a text, stopwords and numbers left out. */
export function documentTerms(text: string): Set<string> {
  const terms = new Set<string>();
  let previous: string | undefined;
  for (const word of words(text)) {
    if (!isContent(word)) {
      previous = undefined;
      continue;
    }
    terms.add(word);
    if (previous !== undefined) terms.add(`${previous} ${word}`);
    previous = word;
  }
  return terms;
}

export function documentFrequencies(docs: Iterable<ReadonlySet<string>>): Map<string, number> {
  const df = new Map<string, number>();
  for (const doc of docs) for (const term of doc) df.set(term, (df.get(term) ?? 0) + 1);
  return df;
}

export interface ScoredTerm {
  term: string;
  /** Share of the group's documents containing the term. */
  share: number;
  score: number;
}

export interface DistinctiveOptions {
  limit: number;
  /** A term must occur in at least this many of the group's documents (default 2). */
  minDocs?: number;
}

/** A term must be in at least this share of a cluster's papers (and at least 2) to name it. */
export const CLASS_DF_FLOOR = 0.2;

/**
 * Class-based tf-idf of a cluster against the rest of the corpus: a term's share in the cluster
 * times the log of how much more often the cluster has it than the rest does,
 * `share × ln(share / restShare)` (no lift, no score), for terms in at least `CLASS_DF_FLOOR` of the cluster's
 * papers. The floor keeps a word two of forty papers share from outranking the cluster's topic;
 * the contrast with the rest keeps words every paper uses ("language", "training") out.
 */
export function classTerms(
  group: ReadonlyArray<ReadonlySet<string>>,
  corpusDf: ReadonlyMap<string, number>,
  corpusSize: number,
  options: DistinctiveOptions,
): ScoredTerm[] {
  return pickDistinct(classTermScores(group, corpusDf, corpusSize, options.minDocs), options.limit);
}

/**
 * `classTerms` of several clusters at once, each term named by one cluster only: the one that
 * holds most of the papers carrying it (on a tie, the one it scores higher in). A word a few
 * papers of one cluster carry but more of another ("quantization" in a robot cluster that took in
 * some tokenizer papers) names the other, so two names never share a term.
 */
export function exclusiveClassTerms(
  groups: ReadonlyArray<ReadonlyArray<ReadonlySet<string>>>,
  corpusDf: ReadonlyMap<string, number>,
  corpusSize: number,
  options: DistinctiveOptions,
): ScoredTerm[][] {
  const scored = groups.map((group) => classTermScores(group, corpusDf, corpusSize, options.minDocs));
  const owner = new Map<string, { group: number; count: number; score: number }>();
  const counts = groups.map((group) => documentFrequencies(group));
  scored.forEach((terms, g) => {
    for (const t of terms) {
      const count = counts[g]?.get(t.term) ?? 0;
      const held = owner.get(t.term);
      if (!held || count > held.count || (count === held.count && t.score > held.score))
        owner.set(t.term, { group: g, count, score: t.score });
    }
  });
  return scored.map((terms, g) =>
    pickDistinct(
      terms.filter((t) => owner.get(t.term)?.group === g),
      options.limit,
    ),
  );
}

/** Every term of the group above the floor with its class-based tf-idf score (positive or not). */
function classTermScores(
  group: ReadonlyArray<ReadonlySet<string>>,
  corpusDf: ReadonlyMap<string, number>,
  corpusSize: number,
  minDocs = 2,
): ScoredTerm[] {
  const groupDf = documentFrequencies(group);
  const floor = Math.min(group.length, Math.max(minDocs, Math.ceil(CLASS_DF_FLOOR * group.length)));
  const restSize = Math.max(1, corpusSize - group.length);
  const scored: ScoredTerm[] = [];
  for (const [term, count] of groupDf) {
    if (count < floor) continue;
    const share = count / group.length;
    const rest = Math.max(0, (corpusDf.get(term) ?? count) - count);
    const restShare = Math.max(rest, 0.5) / restSize;
    scored.push({ term, share, score: share * Math.log(share / restShare) });
  }
  return scored;
}

/** Best first; on a tie the phrase wins over its words ("speculative decoding" over "decoding"). */
function pickDistinct(scored: ScoredTerm[], limit: number): ScoredTerm[] {
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      b.term.split(' ').length - a.term.split(' ').length ||
      a.term.localeCompare(b.term),
  );
  const chosen: ScoredTerm[] = [];
  for (const candidate of scored) {
    if (chosen.length >= limit) break;
    const parts = candidate.term.split(' ');
    const covered = chosen.some((c) => c.term.split(' ').some((w) => parts.includes(w)));
    if (!covered && candidate.score > 0) chosen.push(candidate);
  }
  return chosen;
}

/**
 * The group's most distinctive terms. A term sharing a word with a higher-ranked one is dropped,
 * so "speculative decoding" is not followed by "speculative" or "decoding".
 */
export function distinctiveTerms(
  group: ReadonlyArray<ReadonlySet<string>>,
  corpusDf: ReadonlyMap<string, number>,
  corpusSize: number,
  options: DistinctiveOptions,
): ScoredTerm[] {
  const groupDf = documentFrequencies(group);
  const minDocs = Math.min(options.minDocs ?? 2, group.length);
  const scored: ScoredTerm[] = [];
  for (const [term, count] of groupDf) {
    if (count < minDocs) continue;
    const share = count / group.length;
    const df = Math.max(corpusDf.get(term) ?? 0, count);
    scored.push({ term, share, score: share * Math.log(corpusSize / (1 + df)) });
  }
  return pickDistinct(scored, options.limit);
}
