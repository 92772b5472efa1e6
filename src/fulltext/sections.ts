/**
 * Markdown split into sections by heading, each classified (abstract, introduction, method…)
 * so truncation knows what to keep. Subsections inherit the kind of their section; after the
 * references, every top-level section counts as appendix. Pure.
 */

export type SectionKind =
  | 'front'
  | 'abstract'
  | 'introduction'
  | 'related'
  | 'method'
  | 'experiments'
  | 'results'
  | 'discussion'
  | 'conclusion'
  | 'references'
  | 'appendix'
  | 'other';

export interface Section {
  heading: string;
  /** 1–6 for `#`…`######`; 0 for the text before the first heading. */
  level: number;
  kind: SectionKind;
  /** The section's lines, heading included; joining all sections with "\n" gives the document back. */
  text: string;
}

const RULES: Array<[SectionKind, RegExp]> = [
  ['abstract', /^abstract\b/i],
  ['introduction', /^(introduction|overview|motivation)\b/i],
  ['conclusion', /conclu|^summary\b|concluding|closing remarks/i],
  ['related', /related work|background|prior work|literature|preliminar/i],
  ['discussion', /discussion|limitation|broader impact|ethic|future work|acknowledg/i],
  ['experiments', /experiment|evaluation|setup|implementation detail|benchmark|dataset/i],
  ['results', /result|analysis|ablation|finding|performance|comparison|case stud/i],
  [
    'method',
    /method|approach|model\b|models\b|framework|architecture|algorithm|proposed|formulation|design|system|training|theory|problem/i,
  ],
];

const NUMBERING = /^((\d+|[A-Z])(\.\d+)*\.?|[IVXLC]+\.)\s+/;

export function classifyHeading(heading: string): SectionKind {
  const raw = heading.replace(/[*_`]/g, '').trim();
  const name = raw.replace(NUMBERING, '');
  if (/^(references|bibliography|works cited|literature cited)\b/i.test(name)) return 'references';
  if (/^(appendix|appendices|supplementary)\b/i.test(raw)) return 'appendix';
  for (const [kind, pattern] of RULES) if (pattern.test(name)) return kind;
  return 'other';
}

function headingOf(line: string): { level: number; title: string } | undefined {
  const match = /^(#{1,6})\s+(.*\S)\s*$/.exec(line);
  return match?.[1] && match[2] ? { level: match[1].length, title: match[2] } : undefined;
}

function rawSections(markdown: string): Array<Omit<Section, 'kind'>> {
  const sections: Array<Omit<Section, 'kind'>> = [];
  let current: { heading: string; level: number; lines: string[] } = { heading: '', level: 0, lines: [] };
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? undefined : headingOf(line);
    if (heading) {
      sections.push({ heading: current.heading, level: current.level, text: current.lines.join('\n') });
      current = { heading: heading.title, level: heading.level, lines: [line] };
    } else current.lines.push(line);
  }
  sections.push({ heading: current.heading, level: current.level, text: current.lines.join('\n') });
  return sections[0]?.text === '' ? sections.slice(1) : sections;
}

export function splitSections(markdown: string): Section[] {
  const raw = rawSections(markdown);
  const deeper = raw.some((s) => s.level >= 2);
  const out: Section[] = [];
  let parent: { level: number; kind: SectionKind } | undefined;
  let afterReferences = false;
  for (const [i, section] of raw.entries()) {
    let kind: SectionKind;
    if (section.level === 0 || (i === 0 && section.level === 1 && deeper)) kind = 'front';
    else {
      const own = classifyHeading(section.heading);
      const inherits = parent !== undefined && section.level > parent.level && parent.kind !== 'front';
      kind = inherits && parent ? (own === 'references' ? own : parent.kind) : own;
      if (!inherits && afterReferences && kind !== 'references') kind = 'appendix';
      if (!inherits) parent = { level: section.level, kind };
      if (kind === 'references') afterReferences = true;
    }
    out.push({ ...section, kind });
  }
  return out;
}
