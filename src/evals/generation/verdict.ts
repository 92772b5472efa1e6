/**
 * Judge axes and the strict verdict parser: the last `[[A]]`, `[[B]]` or `[[C]]` (tie) of the
 * answer counts; anything else (`[A]`, `[[a]]`, `[[D]]`, prose only) is no verdict.
 */
export const AXES = ['faithfulness', 'coverage', 'usefulness'] as const;
export type Axis = (typeof AXES)[number];

/** A slot verdict: the first shown summary, the second, or a tie. */
export type SlotVerdict = 'A' | 'B' | 'C';

const TOKEN = /\[\[([ABC])\]\]/g;

export function parseVerdict(answer: string): SlotVerdict | undefined {
  let last: SlotVerdict | undefined;
  for (const match of answer.matchAll(TOKEN)) {
    const letter = match[1];
    if (letter === 'A' || letter === 'B' || letter === 'C') last = letter;
  }
  return last;
}
