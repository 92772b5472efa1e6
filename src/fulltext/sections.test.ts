import { describe, expect, it } from 'vitest';
import { classifyHeading, splitSections } from './sections.ts';

describe('classifyHeading', () => {
  it.each([
    ['Abstract', 'abstract'],
    ['1 Introduction', 'introduction'],
    ['2. Related Work', 'related'],
    ['3 Our Approach', 'method'],
    ['3.1 Model Architecture', 'method'],
    ['4 Experimental Setup', 'experiments'],
    ['5 Results and Analysis', 'results'],
    ['6 Limitations', 'discussion'],
    ['7 Conclusions', 'conclusion'],
    ['References', 'references'],
    ['8 References', 'references'],
    ['Appendix A Proofs', 'appendix'],
    ['Acknowledgments', 'discussion'],
    ['Ethics Statement', 'discussion'],
    ['Why now?', 'other'],
  ])('%s → %s', (heading, kind) => {
    expect(classifyHeading(heading)).toBe(kind);
  });
});

describe('splitSections', () => {
  const md = [
    '# A Title',
    '',
    '## Abstract',
    'Short.',
    '## 1 Introduction',
    'Intro.',
    '### 1.1 Why now?',
    'Because.',
    '```latex',
    '# not a heading inside a fence',
    '```',
    '## References',
    '[1] Someone.',
    '## A Extra Experiments',
    'More.',
  ].join('\n');

  it('splits at headings outside code fences and joins back to the same text', () => {
    const sections = splitSections(md);
    expect(sections.map((s) => s.heading)).toEqual([
      'A Title',
      'Abstract',
      '1 Introduction',
      '1.1 Why now?',
      'References',
      'A Extra Experiments',
    ]);
    expect(sections.map((s) => s.text).join('\n')).toBe(md);
  });

  it('classifies the title as front, subsections by their parent, sections after the references as appendix', () => {
    expect(splitSections(md).map((s) => s.kind)).toEqual([
      'front',
      'abstract',
      'introduction',
      'introduction',
      'references',
      'appendix',
    ]);
  });

  it('keeps text before the first heading as a front section', () => {
    const sections = splitSections('Title line\nAuthors\n## Method\nText');
    expect(sections.map((s) => [s.kind, s.level])).toEqual([
      ['front', 0],
      ['method', 2],
    ]);
  });
});
