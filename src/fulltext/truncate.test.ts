import { describe, expect, it } from 'vitest';
import { splitSections } from './sections.ts';
import { CUT_MARK, cutText, truncateToBudget } from './truncate.ts';

const para = (word: string, n: number): string => Array.from({ length: n }, () => `${word} text.`).join(' ');

function paper(): string {
  return [
    '# Title',
    '',
    '## Abstract',
    para('Abstract', 20),
    '## 1 Introduction',
    para('Intro', 60),
    '## 2 Related Work',
    para('Related', 80),
    '## 3 Method',
    para('Method', 120),
    '## 4 Experiments',
    para('Experiment', 100),
    '## 5 Conclusion',
    para('Conclusion', 20),
    '## References',
    para('Reference', 150),
    '## Appendix A Proofs',
    para('Proof', 150),
  ].join('\n');
}

const headings = (text: string): string[] => splitSections(text).map((s) => s.heading);

describe('truncateToBudget', () => {
  const md = paper();

  it('returns the text unchanged when it fits', () => {
    expect(truncateToBudget(md, md.length / 4 + 1)).toEqual({
      text: md,
      truncated: false,
      dropped: [],
      shortened: [],
    });
  });

  it('drops the appendix and the references first, and only them when that is enough', () => {
    const withoutBack = md.slice(0, md.indexOf('## References') - 1);
    const result = truncateToBudget(md, Math.ceil(withoutBack.length / 4));
    expect(result.truncated).toBe(true);
    expect(result.dropped).toEqual(['appendix: Appendix A Proofs', 'references: References']);
    expect(result.shortened).toEqual([]);
    expect(result.text).toBe(withoutBack);
  });

  it('then drops related work, keeping abstract, introduction, method, experiments and conclusion in order', () => {
    const result = truncateToBudget(md, Math.ceil((md.length - 8000) / 4));
    expect(result.dropped).toContain('related: 2 Related Work');
    expect(headings(result.text)).toEqual([
      'Title',
      'Abstract',
      '1 Introduction',
      '3 Method',
      '4 Experiments',
      '5 Conclusion',
    ]);
  });

  it('shortens the longest kept sections from their ends when the kept sections alone are too long', () => {
    const maxTokens = 500;
    const result = truncateToBudget(md, maxTokens);
    expect(result.text.length).toBeLessThanOrEqual(maxTokens * 4);
    const sections = splitSections(result.text);
    expect(sections.map((s) => s.heading)).toEqual([
      'Title',
      'Abstract',
      '1 Introduction',
      '3 Method',
      '4 Experiments',
      '5 Conclusion',
    ]);
    expect(result.shortened).toEqual(
      expect.arrayContaining(['method: 3 Method', 'experiments: 4 Experiments']),
    );
    expect(result.shortened).not.toContain('front: Title');
    const method = sections.find((s) => s.heading === '3 Method')?.text ?? '';
    expect(method.startsWith('## 3 Method\nMethod text.')).toBe(true);
    expect(method.endsWith(CUT_MARK)).toBe(true);
    // The short abstract is kept whole while the long sections are cut.
    expect(sections.find((s) => s.kind === 'abstract')?.text).toBe(`## Abstract\n${para('Abstract', 20)}`);
  });

  it('never exceeds a tiny budget', () => {
    const result = truncateToBudget(md, 10);
    expect(result.text.length).toBeLessThanOrEqual(40);
    expect(result.truncated).toBe(true);
  });
});

describe('cutText', () => {
  it('cuts at a sentence or word boundary and marks the cut', () => {
    const cut = cutText('## H\nOne two three. Four five six.', 30);
    expect(cut).toBe(`## H\nOne two three.${CUT_MARK}`);
    expect(cut.length).toBeLessThanOrEqual(30);
  });
});
