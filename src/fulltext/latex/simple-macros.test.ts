import { describe, expect, it } from 'vitest';
import { expandSimpleMacros, simpleMacros } from './simple-macros.ts';

describe('simple macros', () => {
  const preamble = [
    '\\newcommand{\\ours}{\\textsc{Ours}\\xspace}',
    '\\newcommand\\ds{GSM8K}',
    '\\def\\model{\\ours-7B}',
    '\\newcommand{\\norm}[1]{\\lVert #1 \\rVert}',
    '\\def\\pair#1#2{(#1,#2)}',
  ].join('\n');

  it('collects argument-free definitions only', () => {
    expect([...simpleMacros(preamble)]).toEqual([
      ['ours', '\\textsc{Ours}'],
      ['ds', 'GSM8K'],
      ['model', '\\ours-7B'],
    ]);
  });

  it('expands uses, nested ones too, without touching longer names', () => {
    const text = expandSimpleMacros(
      '\\model{} beats \\ours on \\ds; \\dsx stays; \\norm{x}.',
      simpleMacros(preamble),
    );
    expect(text).toBe('\\textsc{Ours}-7B beats \\textsc{Ours} on GSM8K; \\dsx stays; \\norm{x}.');
  });
});
