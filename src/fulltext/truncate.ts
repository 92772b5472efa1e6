/**
 * Fits a paper's markdown to a token budget (≈ 4 characters a token): references and
 * appendices go first, then related work, discussion and unclassified sections (from the end
 * of the paper backwards), then the longest kept sections are shortened from their ends, all
 * to one common length. Kept sections stay in document order. Pure.
 */
import { type Section, type SectionKind, splitSections } from './sections.ts';

const CHARS_PER_TOKEN = 4;
export const CUT_MARK = '\n\n[…]';

export interface TruncateResult {
  text: string;
  truncated: boolean;
  /** Headings of the sections left out, e.g. "references: References". */
  dropped: string[];
  /** Headings of the sections cut short. */
  shortened: string[];
}

const DROP_TIERS: ReadonlyArray<ReadonlySet<SectionKind>> = [
  new Set(['references', 'appendix']),
  new Set(['related', 'discussion', 'other']),
];

const join = (sections: readonly Section[]): string => sections.map((s) => s.text).join('\n');
const size = (sections: readonly Section[]): number => join(sections).length;
const label = (s: Section): string => `${s.kind}: ${s.heading || '(untitled)'}`;

function dropTiers(sections: Section[], budget: number, dropped: string[]): Section[] {
  let kept = sections;
  for (const tier of DROP_TIERS) {
    for (let i = kept.length - 1; i >= 0 && size(kept) > budget; i--) {
      const section = kept[i];
      if (!section || !tier.has(section.kind)) continue;
      dropped.push(label(section));
      kept = kept.filter((_, j) => j !== i);
    }
  }
  return kept;
}

/**
 * The text cut to at most `max` characters, after the heading, at the last paragraph break, else
 * sentence end, else word break in the last 40% of the room; the cut is marked.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - CUT_MARK.length);
  const headingEnd = text.startsWith('#') ? text.indexOf('\n') + 1 || text.length : 0;
  const window = text.slice(0, room);
  const boundaries = [window.lastIndexOf('\n\n'), window.lastIndexOf('. ') + 1, window.lastIndexOf(' ')];
  const usable = boundaries.filter((at) => at > headingEnd);
  const end = usable.find((at) => at >= room * 0.6) ?? (usable.length > 0 ? Math.max(...usable) : room);
  return `${text.slice(0, end).trimEnd()}${CUT_MARK}`;
}

/** The largest cap such that every section cut to it fits `budget` in total (water-filling). */
function commonCap(lengths: readonly number[], budget: number): number {
  const total = (cap: number): number =>
    lengths.reduce((sum, len) => sum + Math.min(len, cap), 0) + Math.max(0, lengths.length - 1);
  let lo = 0;
  let hi = Math.max(0, ...lengths);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (total(mid) <= budget) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function shorten(sections: Section[], budget: number, shortened: string[]): Section[] {
  const cap = commonCap(
    sections.map((s) => s.text.length),
    budget,
  );
  return sections.map((section) => {
    if (section.text.length <= cap) return section;
    shortened.push(label(section));
    return { ...section, text: cutText(section.text, cap) };
  });
}

export function truncateToBudget(markdown: string, maxTokens: number): TruncateResult {
  const budget = Math.max(0, Math.floor(maxTokens * CHARS_PER_TOKEN));
  if (markdown.length <= budget) return { text: markdown, truncated: false, dropped: [], shortened: [] };
  const dropped: string[] = [];
  const shortened: string[] = [];
  let kept = dropTiers(splitSections(markdown), budget, dropped);
  if (size(kept) > budget) kept = shorten(kept, budget, shortened);
  let text = join(kept);
  if (text.length > budget) text = text.slice(0, budget);
  return { text, truncated: true, dropped, shortened };
}
