/**
 * Phrases of paper boilerplate — where the code is, how the experiments went, what the paper
 * claims — that are no topic: they recur in papers of every field, so a chance rise of theirs is
 * never a trend. Compared on the lowercased phrase with hyphens as spaces.
 */
const PHRASES = [
  'project page',
  'project website',
  'source code',
  'code and data',
  'code and models',
  'code and datasets',
  'our code',
  'the code',
  'github repository',
  'publicly available',
  'open source',
  'open-source code',
  'supplementary material',
  'extensive experiments',
  'comprehensive experiments',
  'experimental results',
  'empirical results',
  'extensive evaluations',
  'ablation studies',
  'ablation study',
  'state of the art',
  'state-of-the-art performance',
  'state-of-the-art methods',
  'state-of-the-art results',
  'significant improvements',
  'substantial improvements',
  'large margin',
  'wide range',
  'broad range',
  'computational cost',
  'computational costs',
  'computational overhead',
  'future work',
  'future research',
  'key challenge',
  'key insight',
  'novel framework',
  'novel method',
  'novel approach',
  'proposed method',
  'proposed approach',
  'proposed framework',
  'real world',
  'real-world applications',
  'real-world scenarios',
  'recent advances',
  'recent years',
  'promising results',
  'competitive performance',
  'superior performance',
  'strong performance',
];

const normal = (phrase: string): string =>
  phrase.toLowerCase().replace(/-/g, ' ').replace(/\s+/g, ' ').trim();
const SET = new Set(PHRASES.map(normal));

export const isBoilerplatePhrase = (phrase: string): boolean => SET.has(normal(phrase));
