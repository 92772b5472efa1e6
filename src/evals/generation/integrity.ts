/**
 * The integrity scan of a case set: cases with no input text, no full text where a candidate's
 * template asks for it, or no reference. Each issue has a stable id (hash of task + case + type)
 * so an exclusion written for it keeps applying on the next scan.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { EvalCase } from './case-set.ts';

const IssueType = z.enum(['missing_input_text', 'missing_full_text', 'missing_reference']);
export type IssueType = z.infer<typeof IssueType>;

const IntegrityIssue = z.object({
  id: z.string(),
  task: z.string(),
  case_id: z.string(),
  issue_type: IssueType,
  missing_fields: z.array(z.string()),
  source: z.string(),
  detected_at: z.iso.datetime({ offset: true }),
  /** Set when integrity/exclusions.json covers the issue or its case. */
  excluded: z.boolean().default(false),
});
export type IntegrityIssue = z.infer<typeof IntegrityIssue>;

export const IssuesFile = z.object({
  task: z.string(),
  cases: z.string(),
  scanned_at: z.iso.datetime({ offset: true }),
  scanned: z.int().min(0),
  issues: z.array(IntegrityIssue),
});
export type IssuesFile = z.infer<typeof IssuesFile>;

/** One exclusion: a case (all its issues, and the case itself from runs) or one issue by id. */
export const Exclusion = z
  .object({ case_id: z.string().optional(), issue_id: z.string().optional(), reason: z.string().default('') })
  .refine((e) => e.case_id !== undefined || e.issue_id !== undefined, 'needs case_id or issue_id');
export type Exclusion = z.infer<typeof Exclusion>;

export const ExclusionsFile = z.object({ exclusions: z.array(Exclusion).default([]) });
export type ExclusionsFile = z.infer<typeof ExclusionsFile>;

export function issueId(task: string, caseId: string, type: IssueType): string {
  return createHash('sha256').update(`${task}|${caseId}|${type}`).digest('hex').slice(0, 16);
}

export interface ScanOptions {
  task: string;
  /** A candidate's template asks for {{full_text}}. */
  needsFullText: boolean;
  now: Date;
  exclusions: readonly Exclusion[];
}

function issuesOf(c: EvalCase, options: ScanOptions): Array<{ type: IssueType; fields: string[] }> {
  const found: Array<{ type: IssueType; fields: string[] }> = [];
  const input = [c.title.trim() === '' ? 'title' : '', c.abstract.trim() === '' ? 'abstract' : ''].filter(
    (f) => f !== '',
  );
  if (input.length > 0 && !(c.full_text ?? '').trim())
    found.push({ type: 'missing_input_text', fields: input });
  if (options.needsFullText && !(c.full_text ?? '').trim())
    found.push({ type: 'missing_full_text', fields: ['full_text'] });
  if (!(c.reference ?? '').trim()) found.push({ type: 'missing_reference', fields: ['reference'] });
  return found;
}

export function scanIntegrity(cases: readonly EvalCase[], options: ScanOptions): IntegrityIssue[] {
  const excludedCases = new Set(options.exclusions.flatMap((e) => (e.case_id ? [e.case_id] : [])));
  const excludedIssues = new Set(options.exclusions.flatMap((e) => (e.issue_id ? [e.issue_id] : [])));
  return cases.flatMap((c) =>
    issuesOf(c, options).map(({ type, fields }) => {
      const id = issueId(options.task, c.id, type);
      return {
        id,
        task: options.task,
        case_id: c.id,
        issue_type: type,
        missing_fields: fields,
        source: c.source,
        detected_at: options.now.toISOString(),
        excluded: excludedCases.has(c.id) || excludedIssues.has(id),
      };
    }),
  );
}

/**
 * The cases a run evaluates: not excluded by case id, and with input text to summarize (a case
 * without any cannot be judged; it is left out and counted unless an exclusion already says so).
 */
export function selectRunnable(
  cases: readonly EvalCase[],
  exclusions: readonly Exclusion[],
): { runnable: EvalCase[]; excluded: Array<{ case_id: string; reason: string }> } {
  const byCase = new Map(exclusions.flatMap((e) => (e.case_id ? [[e.case_id, e.reason] as const] : [])));
  const runnable: EvalCase[] = [];
  const excluded: Array<{ case_id: string; reason: string }> = [];
  for (const c of cases) {
    const reason = byCase.get(c.id);
    if (reason !== undefined) excluded.push({ case_id: c.id, reason: reason || 'integrity/exclusions.json' });
    else if (!c.title.trim() && !c.abstract.trim() && !(c.full_text ?? '').trim())
      excluded.push({ case_id: c.id, reason: 'missing_input_text' });
    else runnable.push(c);
  }
  return { runnable, excluded };
}
