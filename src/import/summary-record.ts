/**
 * One summary file of the previous digest (a JSON object per paper with its structured fields:
 * one_sentence_summary, problem_background, method, experiment, further_thoughts, institution,
 * keywords, slug) as a stored summary of ours. Fields with another name in some versions of that
 * digest (tldr, motivation, result, conclusion…) map too; any other field is kept in `extra`.
 */
import { parseArxivId } from '../core/arxiv-id.ts';
import { StoredSummary } from '../core/summary.ts';
import { toIsoDateTime } from './paper-row.ts';

type Target =
  | 'id'
  | 'one_sentence_summary'
  | 'problem_background'
  | 'method'
  | 'experiment'
  | 'further_thoughts'
  | 'institutions'
  | 'tags'
  | 'slug'
  | 'key_contributions'
  | 'datasets_and_benchmarks'
  | 'limitations'
  | 'code_and_data_links'
  | 'model'
  | 'at';

const NAMES: Record<Target, readonly string[]> = {
  id: ['id', 'arxiv_id', 'arxivid', 'paper_id'],
  one_sentence_summary: ['one_sentence_summary', 'tldr', 'tl_dr', 'one_sentence'],
  problem_background: ['problem_background', 'background', 'motivation', 'problem'],
  method: ['method', 'methods', 'approach'],
  experiment: ['experiment', 'experiments', 'result', 'results'],
  further_thoughts: ['further_thoughts', 'thoughts', 'conclusion'],
  institutions: ['institutions', 'institution', 'affiliations'],
  tags: ['keywords', 'tags', 'keyword'],
  slug: ['slug'],
  key_contributions: ['key_contributions', 'contributions'],
  datasets_and_benchmarks: ['datasets_and_benchmarks', 'datasets', 'benchmarks'],
  limitations: ['limitations'],
  code_and_data_links: ['code_and_data_links', 'code_url', 'links'],
  model: ['model'],
  at: ['at', 'created_at', 'date', 'generated_at'],
};

export type SummaryResult = { ok: true; summary: StoredSummary } | { ok: false; reason: string };

export interface SummaryRecordOptions {
  /** The file's name without `.json`, the id when the object has none (`2511.01234.json`). */
  fileStem: string;
  /** The paper's title, for a slug when the file has none. */
  titleOf: (id: string) => string | undefined;
  /** When the file says nothing of when it was made. */
  fallbackAt: string;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (Array.isArray(value)) return value.flatMap((v) => textOf(v) ?? []).join('\n') || undefined;
  return undefined;
}

function listOf(value: unknown): string[] {
  if (typeof value === 'string') return value.split(/\s*[;,\n]\s*/).filter((v) => v !== '');
  if (Array.isArray(value)) return value.flatMap((v) => textOf(v) ?? []);
  return [];
}

export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/** The object's fields by target, and what is left over. */
function split(object: Record<string, unknown>): {
  found: Map<Target, unknown>;
  extra: Record<string, unknown>;
} {
  const found = new Map<Target, unknown>();
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(object)) {
    const name = key
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_');
    const target = (Object.keys(NAMES) as Target[]).find((t) => NAMES[t].includes(name) && !found.has(t));
    if (target && value !== null && value !== undefined) found.set(target, value);
    else extra[key] = value;
  }
  return { found, extra };
}

function uniqueTags(value: unknown): string[] {
  const seen = new Set<string>();
  return listOf(value).filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function summaryFromRecord(value: unknown, options: SummaryRecordOptions): SummaryResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, reason: 'not a JSON object' };
  const { found, extra } = split(Object.fromEntries(Object.entries(value)));
  const rawId = textOf(found.get('id')) ?? options.fileStem.replace(/_/g, '/');
  const id = parseArxivId(rawId)?.id;
  if (!id)
    return { ok: false, reason: `no arXiv id (neither an id field nor a file name like 2511.01234.json)` };
  const summaryText = textOf(found.get('one_sentence_summary'));
  if (!summaryText) return { ok: false, reason: 'no one_sentence_summary (or tldr)' };
  const allTags = uniqueTags(found.get('tags'));
  if (allTags.length < 3)
    return { ok: false, reason: `${allTags.length} keywords, at least 3 are needed as tags` };
  if (allTags.length > 8) extra.keywords = allTags;
  const slug = slugify(textOf(found.get('slug')) ?? options.titleOf(id) ?? id) || slugify(id);
  const candidate = {
    id,
    one_sentence_summary: summaryText,
    problem_background: textOf(found.get('problem_background')) ?? '',
    method: textOf(found.get('method')) ?? '',
    experiment: textOf(found.get('experiment')) ?? '',
    key_contributions: listOf(found.get('key_contributions')),
    datasets_and_benchmarks: listOf(found.get('datasets_and_benchmarks')),
    limitations: listOf(found.get('limitations')),
    further_thoughts: textOf(found.get('further_thoughts')) ?? '',
    institutions: listOf(found.get('institutions')),
    code_and_data_links: listOf(found.get('code_and_data_links')),
    tags: allTags.slice(0, 8),
    slug,
    model: textOf(found.get('model')) ?? 'imported',
    promptHash: 'import',
    source: 'import',
    textRoute: 'unknown',
    at: toIsoDateTime(found.get('at')) ?? options.fallbackAt,
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
  const parsed = StoredSummary.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, summary: parsed.data };
}

/** Equal but for when it was imported: a re-import of the same file leaves it as it is. */
export function sameSummary(a: StoredSummary, b: StoredSummary): boolean {
  return JSON.stringify({ ...a, at: '' }) === JSON.stringify({ ...b, at: '' });
}

export type SummaryDecision = 'added' | 'updated' | 'unchanged' | 'kept';

/**
 * What an imported summary does to the one stored: it fills a gap, replaces an extractive
 * placeholder or an earlier import, and never replaces an LLM summary the radar made itself.
 */
export function decideSummary(existing: StoredSummary | undefined, incoming: StoredSummary): SummaryDecision {
  if (!existing) return 'added';
  if (existing.source === 'llm') return 'kept';
  if (existing.source === 'import' && sameSummary(existing, incoming)) return 'unchanged';
  return 'updated';
}
