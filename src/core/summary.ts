/**
 * A paper's structured summary: what the LLM must return (validated by zod), and the record
 * stored in `summaries/<YYMM>.jsonl` with where it came from. A superset of the fields of the
 * user's previous digest.
 */
import { z } from 'zod';

export const SummaryFields = z.object({
  one_sentence_summary: z.string().min(1).describe('the paper in one sentence'),
  problem_background: z.string().describe('the problem and why it matters'),
  method: z.string().describe('what the authors do, concretely'),
  experiment: z.string().describe('setup and results, with the numbers'),
  key_contributions: z.array(z.string()).describe('the main contributions, one per item'),
  datasets_and_benchmarks: z.array(z.string()).describe('datasets and benchmarks used or introduced'),
  limitations: z.array(z.string()),
  further_thoughts: z.string().describe('open questions, ideas it suggests'),
  institutions: z.array(z.string()),
  code_and_data_links: z.array(z.string()),
  tags: z.array(z.string().min(1)).min(3).max(8).describe('3 to 8 short topic tags'),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase words joined by hyphens')
    .max(60)
    .describe('a short kebab-case slug'),
});
export type SummaryFields = z.infer<typeof SummaryFields>;

/** `import`: brought in from the previous system by `radar import summaries`. */
export const SummarySource = z.enum(['llm', 'extractive', 'import']);

export const StoredSummary = SummaryFields.extend({
  id: z.string(),
  /** `provider/model`, or `extractive`. */
  model: z.string(),
  promptHash: z.string(),
  source: SummarySource,
  /** Which text the summary was made from: latex, html, pdf, or abstract only. */
  textRoute: z.enum(['latex', 'html', 'pdf', 'abstract', 'unknown']),
  at: z.iso.datetime({ offset: true }),
  /** Shown with the summary: why it is not what was asked (e.g. "summary from the abstract: the LLM failed: …"). */
  note: z.string().optional(),
  /** Fields of an imported summary that have no place above, kept as they were. */
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type StoredSummary = z.infer<typeof StoredSummary>;
