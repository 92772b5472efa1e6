/**
 * Pure decisions of the summarize job: which papers to (re)summarize, how many tokens of text fit
 * the model, the text note of the prompt, and the final tag list after normalization.
 */
import type { StoredSummary } from '../core/summary.ts';

export const EXTRACTIVE_MODEL = 'extractive';
/** Bumped when the extractive summarizer changes, like a prompt hash. */
export const EXTRACTIVE_VERSION = 'extractive-v2';

export type SkipReason = 'exists' | 'unchanged';

/**
 * A paper is summarized when it has no summary. An existing summary is kept, except:
 * - an extractive one is replaced as soon as an LLM is available (it is a placeholder);
 * - with `force`, one made by another model or another prompt version is redone.
 * `force` never redoes a summary of the same model and prompt hash (that would only spend money).
 */
export function shouldSummarize(
  existing: Pick<StoredSummary, 'model' | 'promptHash' | 'source'> | undefined,
  current: { model: string; promptHash: string; source: StoredSummary['source'] },
  force: boolean,
): { run: true } | { run: false; reason: SkipReason } {
  if (!existing) return { run: true };
  if (existing.source === 'extractive' && current.source === 'llm') return { run: true };
  const changed = existing.model !== current.model || existing.promptHash !== current.promptHash;
  if (!force) return { run: false, reason: 'exists' };
  return changed ? { run: true } : { run: false, reason: 'unchanged' };
}

export const CHARS_PER_TOKEN = 4;

export function estimateTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/** Tokens left for the paper's text: the context minus the prompt, the answer and a margin for the schema. */
export function textBudget(options: {
  contextTokens: number;
  promptTokens: number;
  outputTokens: number;
  maxTextTokens?: number | undefined;
  margin?: number;
}): number {
  const room = options.contextTokens - options.promptTokens - options.outputTokens - (options.margin ?? 1500);
  return Math.max(0, Math.min(room, options.maxTextTokens ?? Number.POSITIVE_INFINITY));
}

export function textNote(
  route: StoredSummary['textRoute'],
  truncated: boolean,
  dropped: readonly string[],
): string {
  if (route === 'abstract')
    return 'Only the abstract is available (the full text could not be fetched): base the summary on it and say "not stated" where the abstract gives no detail.';
  const cut = truncated
    ? ` It was shortened to fit${dropped.length > 0 ? `; left out: ${dropped.join(', ')}` : ''}.`
    : '';
  return `Full text of the paper (from its ${route} source), as markdown.${cut}`;
}

/**
 * The summary's tags after normalization: canonical, without duplicates, at most 8; when
 * synonyms collapsed below 3, filled from `fallback` (already canonical).
 */
export function finalTags(
  tags: readonly string[],
  canonical: (tag: string) => string,
  fallback: readonly string[],
): string[] {
  const out: string[] = [];
  const push = (tag: string): void => {
    if (!out.some((t) => t.toLowerCase() === tag.toLowerCase())) out.push(tag);
  };
  for (const tag of tags) push(canonical(tag));
  for (const tag of fallback) if (out.length < 3) push(tag);
  return out.slice(0, 8);
}
