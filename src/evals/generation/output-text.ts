/** A structured summary as the text the judge reads and io/output_generation_*.txt holds. */
import type { SummaryFields } from '../../core/summary.ts';

type Fields = SummaryFields;

const LABELS: Array<[keyof Fields, string]> = [
  ['one_sentence_summary', 'One-sentence summary'],
  ['problem_background', 'Problem'],
  ['method', 'Method'],
  ['experiment', 'Experiments'],
  ['key_contributions', 'Key contributions'],
  ['datasets_and_benchmarks', 'Datasets and benchmarks'],
  ['limitations', 'Limitations'],
  ['further_thoughts', 'Further thoughts'],
  ['institutions', 'Institutions'],
  ['code_and_data_links', 'Code and data'],
  ['tags', 'Tags'],
];

export function summaryText(fields: Fields): string {
  return LABELS.map(([key, label]) => {
    const value = fields[key];
    const body = Array.isArray(value)
      ? value.length === 0
        ? '(none)'
        : value.map((v) => `- ${v}`).join('\n')
      : value;
    return `## ${label}\n${body}`;
  }).join('\n\n');
}
