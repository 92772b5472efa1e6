import { describe, expect, it } from 'vitest';
import { analyzerSignature, createAnalyzer, createTermNumberAnalyzer, tokenize } from './tokenize.ts';

describe('tokenize', () => {
  it('lowercases, removes Lucene stop words and Porter-stems', () => {
    expect(tokenize('The Running of the Models is Better')).toEqual(['run', 'model', 'better']);
  });

  it('folds compatibility forms with NFKC before matching', () => {
    expect(tokenize('ﬁnding ＧＰＵ')).toEqual(['find', 'gpu']);
  });

  it('drops a possessive and keeps other apostrophe words together', () => {
    expect(tokenize("the model's outputs don't")).toEqual(['model', 'output', 'dont']);
  });

  it('keeps arXiv ids whole, without their version', () => {
    expect(tokenize('see arXiv:2511.01234v2 and hep-th/9901001')).toEqual([
      'see',
      'arxiv',
      '2511.01234',
      'hep-th/9901001',
    ]);
  });

  it('keeps decimal numbers whole', () => {
    expect(tokenize('improves by 3.5 points')).toEqual(['improv', '3.5', 'point']);
  });

  it('indexes a hyphenated term as its parts and as the whole stemmed compound', () => {
    expect(tokenize('state-of-the-art fine-tuning')).toEqual([
      'state',
      'art',
      'state-of-the-art',
      'fine',
      'tune',
      'fine-tune',
    ]);
    expect(createAnalyzer({ compounds: 'parts' })('graph-based')).toEqual(['graph', 'base']);
    expect(createAnalyzer({ compounds: 'whole' })('graph-based')).toEqual(['graph-base']);
  });

  it('keeps letters of any script', () => {
    expect(tokenize('Transformer für Übersetzung 注意力')).toEqual([
      'transform',
      'für',
      'übersetzung',
      '注意力',
    ]);
  });

  it('returns nothing for an all-stop-word or empty text', () => {
    expect(tokenize('the of and to it')).toEqual([]);
    expect(tokenize('  ...  ')).toEqual([]);
  });

  it('can keep stop words and skip stemming', () => {
    expect(createAnalyzer({ stopWords: new Set(), stem: false })('The Running')).toEqual(['the', 'running']);
  });

  it('changes its signature when its behaviour changes', () => {
    expect(analyzerSignature()).toBe(analyzerSignature({}));
    expect(analyzerSignature({ compounds: 'parts' })).not.toBe(analyzerSignature());
    expect(analyzerSignature({ stopWords: new Set(['x']) })).not.toBe(analyzerSignature());
  });
});

describe('createTermNumberAnalyzer', () => {
  it('emits the numbers of exactly the terms the analyzer returns, for every option set', () => {
    const texts = [
      'State-of-the-art fine-tuning of the model’s outputs (see 2511.01234v2, hep-th/9901001) by 3.5 points',
      'Transformer für Übersetzung 注意力: ﬁnding the GPU-bound cases',
      'the of and',
      'Graph-based graph-based GRAPH-BASED retrieval, retrieval!',
    ];
    for (const options of [
      {},
      { compounds: 'parts' as const },
      { stem: false, stopWords: new Set<string>() },
    ]) {
      const terms: string[] = [];
      const numbers = new Map<string, number>();
      const intern = (term: string) => {
        let n = numbers.get(term);
        if (n === undefined) {
          n = terms.length;
          terms.push(term);
          numbers.set(term, n);
        }
        return n;
      };
      const analyzeNumbers = createTermNumberAnalyzer(options, intern);
      const analyze = createAnalyzer(options);
      for (const text of texts) {
        const emitted: string[] = [];
        analyzeNumbers(text, (n) => emitted.push(terms[n] as string));
        expect(emitted).toEqual(analyze(text));
      }
    }
  });
});
