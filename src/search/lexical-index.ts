/**
 * A BM25-ready view of a corpus: the inverted index, its vocabulary and the analyzer that built
 * it (queries must be analyzed the same way). Pure: the store persists the index separately.
 */
import { crc32 } from 'node:zlib';
import { LUCENE_ENGLISH_STOP_WORDS } from '../text/stop-words.ts';
import {
  type Analyzer,
  type AnalyzerOptions,
  analyzerSignature,
  createAnalyzer,
  createTermNumberAnalyzer,
} from '../text/tokenize.ts';
import { createIndexBuilder, type SegmentedIndex, type SegmentSpill, toIndex } from './bm25/index-builder.ts';
import { type AnalyzedDocument, type InvertedIndex, termNumbers } from './bm25/inverted-index.ts';
import type { SearchDocument } from './search-port.ts';
import type { Bm25Parameters } from './search-version.ts';

export interface LexicalIndex {
  readonly index: InvertedIndex;
  readonly vocabulary: ReadonlyMap<string, number>;
  readonly analyze: Analyzer;
  /** `analyzerSignature` of the analyzer: an index built with another one is stale. */
  readonly signature: string;
}

export function analyzerOptionsOf(
  params: Pick<Bm25Parameters, 'compounds' | 'stem' | 'stopWords'>,
): AnalyzerOptions {
  return {
    compounds: params.compounds,
    stem: params.stem,
    stopWords: params.stopWords === 'none' ? new Set<string>() : LUCENE_ENGLISH_STOP_WORDS,
  };
}

/**
 * CRC-32 of the raw title and text (zlib's, over their UTF-8): computed for every known paper of
 * a changed shard on an update, so it must be cheap (a few ms for a month's shard).
 */
export function contentHash(doc: SearchDocument): number {
  return crc32(doc.text, crc32('\u0000', crc32(doc.title))) >>> 0;
}

export function analyzeDocument(doc: SearchDocument, analyze: Analyzer): AnalyzedDocument {
  return { id: doc.id, titleTerms: analyze(doc.title), textTerms: analyze(doc.text), hash: contentHash(doc) };
}

/** Builds or extends lexical indexes batch by batch (memory stays near the final index's size). */
export interface LexicalBuilder {
  add(doc: SearchDocument): void;
  /** Everything added so far with its postings still in segments: what the store writes as is. */
  segmented(): SegmentedIndex;
  /** Everything added, merged into one index for queries. */
  finish(): LexicalIndex;
}

const BATCH = 8192;

/**
 * With `spill`, each sealed batch's postings leave memory (`segmented()` is then what the store
 * writes; `finish()` reads them back).
 */
export function createLexicalBuilder(
  options: AnalyzerOptions,
  base?: LexicalIndex,
  spill?: SegmentSpill,
): LexicalBuilder {
  // The builder extends this map as it numbers new terms: the finished index's vocabulary.
  const vocabulary = base ? new Map(base.vocabulary) : new Map<string, number>();
  const builder = createIndexBuilder(base?.index, vocabulary, spill);
  const terms = createTermNumberAnalyzer(options, builder.intern);
  let added = 0;
  const segmented = () => builder.finish();
  return {
    add(doc) {
      builder.add({
        id: doc.id,
        hash: contentHash(doc),
        title: (emit) => terms(doc.title, emit),
        text: (emit) => terms(doc.text, emit),
      });
      if (++added % BATCH === 0) builder.seal();
    },
    segmented,
    finish() {
      const index = toIndex(segmented());
      return {
        index,
        vocabulary,
        analyze: base?.analyze ?? createAnalyzer(options),
        signature: base?.signature ?? analyzerSignature(options),
      };
    },
  };
}

export function buildLexicalIndex(docs: Iterable<SearchDocument>, options: AnalyzerOptions): LexicalIndex {
  const builder = createLexicalBuilder(options);
  for (const doc of docs) builder.add(doc);
  return builder.finish();
}

/** Wraps an index read from disk with the analyzer it was built with (`vocabulary`: its term numbers, if known). */
export function lexicalFromIndex(
  index: InvertedIndex,
  options: AnalyzerOptions,
  vocabulary: ReadonlyMap<string, number> = termNumbers(index),
): LexicalIndex {
  return {
    index,
    vocabulary,
    analyze: createAnalyzer(options),
    signature: analyzerSignature(options),
  };
}
