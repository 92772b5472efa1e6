/**
 * Case sets of the generation benchmark: a list of paper ids (one per line, `#` comments), whose
 * metadata and cached full text come from the state, or a JSONL file whose lines carry the
 * text themselves. Parsing is pure; loading the papers is the store's job.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const EvalCase = z.object({
  id: z.string().min(1),
  title: z.string().default(''),
  abstract: z.string().default(''),
  authors: z.array(z.string()).default([]),
  categories: z.array(z.string()).default([]),
  full_text: z.string().optional(),
  /** A reference summary, when the case set has one (pairwise judging does not need it). */
  reference: z.string().optional(),
  /** Where the case came from: `jsonl`, or `papers` (+ the full text route). */
  source: z.string().default('jsonl'),
});
export type EvalCase = z.infer<typeof EvalCase>;

export type CaseSetSource = { kind: 'ids'; ids: string[] } | { kind: 'jsonl'; cases: EvalCase[] };

export class CaseSetError extends Error {}

function parseJsonlCases(text: string): EvalCase[] {
  const cases: EvalCase[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    let data: unknown;
    try {
      data = JSON.parse(line);
    } catch {
      throw new CaseSetError(`line ${index + 1} is not JSON`);
    }
    const parsed = EvalCase.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CaseSetError(
        `line ${index + 1}: ${issue?.path.join('.') || '(root)'} ${issue?.message ?? ''}`,
      );
    }
    cases.push(parsed.data);
  });
  return cases;
}

/** A JSONL case set when its first non-blank line is a JSON object; otherwise a list of ids. */
export function parseCaseSet(text: string): CaseSetSource {
  const first = text.split('\n').find((l) => l.trim() !== '' && !l.trim().startsWith('#'));
  if (first === undefined) throw new CaseSetError('the case set is empty');
  if (first.trim().startsWith('{')) {
    const cases = parseJsonlCases(text);
    const dup = duplicateOf(cases.map((c) => c.id));
    if (dup !== undefined) throw new CaseSetError(`case id "${dup}" appears twice`);
    return { kind: 'jsonl', cases };
  }
  const ids = text
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l !== '');
  return { kind: 'ids', ids: [...new Set(ids)] };
}

function duplicateOf(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** sha256 of the resolved cases (their ids, texts and references), so a changed full text changes it. */
export function datasetHash(cases: readonly EvalCase[]): string {
  const hash = createHash('sha256');
  for (const c of cases) hash.update(`${JSON.stringify(c)}\n`);
  return hash.digest('hex');
}

/** The template variables of a case. */
export function caseVariables(c: EvalCase, userInterests: readonly string[]): Record<string, string> {
  return {
    title: c.title,
    authors: c.authors.join(', '),
    abstract: c.abstract,
    full_text: c.full_text ?? '',
    text_note: c.full_text ? '' : 'Only the abstract is available.',
    categories: c.categories.join(', '),
    user_interests: userInterests.map((i) => `- ${i}`).join('\n'),
  };
}
