/**
 * The summarize job: for each paper, its text (full text when it can be had, fitted to the
 * model's context), one structured LLM call validated by `SummaryFields`, tags normalized
 * through the global vocabulary, and the summary stored with the model, the prompt's hash and
 * the text route. Without an LLM, an extractive summary from the abstract. One failed paper is
 * reported and the others go on.
 */

import type { Clock } from '../core/clock.ts';
import { errorMessage } from '../core/errors.ts';
import { type StoredSummary, SummaryFields } from '../core/summary.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import type { Paper } from '../store/schemas.ts';
import type { SummariesStore } from '../store/summaries-store.ts';
import type { TagService } from '../tags/tag-service.ts';
import { extractiveSummary } from './extractive-summary.ts';
import { createPaperKeyphrases, type PaperKeyphrases } from './paper-keyphrases.ts';
import { type PromptTemplate, renderPrompt } from './prompt-template.ts';
import {
  EXTRACTIVE_MODEL,
  EXTRACTIVE_VERSION,
  estimateTokens,
  finalTags,
  shouldSummarize,
  textBudget,
  textNote,
} from './summary-plan.ts';

export const SUMMARIZE_PURPOSE = 'summarize';

export interface PaperTextLike {
  route: StoredSummary['textRoute'];
  text: string;
  truncated: boolean;
  dropped: string[];
}

export interface SummarizeDeps {
  papers: { get(ids: readonly string[]): Promise<Map<string, Paper>> };
  summaries: SummariesStore;
  llm: LlmClient;
  prompt: PromptTemplate;
  /** The paper's text within `maxTokens` (getPaperText of src/fulltext). */
  paperText: (paper: Paper, maxTokens: number) => Promise<PaperTextLike>;
  tags: TagService;
  /** The summarize model: its `provider/model` label and its limits. */
  model: { label: string; contextTokens: number; maxOutputTokens: number } | undefined;
  logger: Logger;
  clock: Clock;
  /** Papers the extractive tags' keyphrases are scored against (the store's recent papers); default the batch. */
  corpus?: () => Promise<readonly Paper[]>;
}

export interface SummarizeOptions {
  force?: boolean;
  /** Papers in flight at once (text fetch + LLM call); the LLM layer still applies its per-provider limit. */
  batchSize?: number;
  /** A cap on the text sent, below the context window. */
  maxTextTokens?: number;
  runId?: string;
  onItemFailed?: (id: string, error: string) => void;
  /** Called as each summary is stored. */
  onSummarized?: (summary: StoredSummary) => void;
  /**
   * Called as soon as the LLM answers a paper's summary, before it waits its turn to be stored
   * (tags still as the model gave them): dependent work (its related papers) starts at once,
   * never behind a slower paper earlier in the list.
   */
  onAnswered?: (summary: StoredSummary) => void;
}

export interface SummarizeResult {
  summarized: string[];
  skipped: string[];
  failed: Array<{ id: string; error: string }>;
  /** The summarized papers that got an extractive summary (no LLM configured, or the LLM failed). */
  extractive: string[];
  /** Papers whose LLM summary failed and that got the extractive summary with a note instead. */
  fallback: string[];
}

/** The note of a summary made from the abstract because the LLM failed. */
export function fallbackNote(error: string): string {
  return `summary from the abstract: the LLM failed: ${error}`;
}

type Draft = Omit<StoredSummary, 'tags'> & { rawTags: string[] };
/**
 * The keyphrase scorer, built on first use: scoring the corpus (a couple of thousand titles and
 * abstracts through the LaTeX parser) takes seconds of CPU, and with an LLM it is only needed
 * when a paper falls back to the extractive summary or its tags collapse.
 */
type LazyKeyphrases = () => Promise<PaperKeyphrases>;
type Outcome = { id: string; ok: true; draft: Draft } | { id: string; ok: false; error: string };

async function summarizeWithLlm(
  deps: SummarizeDeps,
  paper: Paper,
  options: SummarizeOptions,
): Promise<Outcome> {
  const model = deps.model;
  if (!model) return { id: paper.id, ok: false, error: 'no summarize model configured' };
  const base = {
    title: paper.title,
    authors: paper.authors.join(', '),
    abstract: paper.abstract,
    categories: paper.categories.join(', '),
  };
  // `full_text` is the name the generation benchmark's templates use; `text` is kept for older prompts.
  const skeleton = renderPrompt(deps.prompt, { ...base, text: '', full_text: '', text_note: '' });
  const maxTokens = textBudget({
    contextTokens: model.contextTokens,
    promptTokens: estimateTokens(skeleton.map((m) => m.content).join('\n')),
    outputTokens: model.maxOutputTokens,
    maxTextTokens: options.maxTextTokens,
  });
  const text = await deps.paperText(paper, maxTokens);
  const fullText = text.route === 'abstract' ? '' : text.text;
  const messages = renderPrompt(deps.prompt, {
    ...base,
    text: fullText,
    full_text: fullText,
    text_note: textNote(text.route, text.truncated, text.dropped),
  });
  const result = await deps.llm.structured({
    purpose: SUMMARIZE_PURPOSE,
    schema: SummaryFields,
    schemaName: 'paper_summary',
    messages,
    ...(options.runId ? { runId: options.runId } : {}),
  });
  if (!result.ok) return { id: paper.id, ok: false, error: `${result.error.kind}: ${result.error.message}` };
  const { tags, ...fields } = result.value;
  return {
    id: paper.id,
    ok: true,
    draft: {
      ...fields,
      rawTags: tags,
      id: paper.id,
      model: result.model,
      promptHash: deps.prompt.hash,
      source: 'llm',
      textRoute: text.route,
      at: deps.clock.now().toISOString(),
    },
  };
}

function extractiveDraft(paper: Paper, at: string, keyphrases: PaperKeyphrases, note?: string): Draft {
  const { tags, ...fields } = extractiveSummary(paper, { keyphrases: keyphrases.of(paper) });
  return {
    ...fields,
    rawTags: tags,
    id: paper.id,
    model: EXTRACTIVE_MODEL,
    promptHash: EXTRACTIVE_VERSION,
    source: 'extractive',
    textRoute: 'abstract',
    at,
    ...(note !== undefined ? { note } : {}),
  };
}

/**
 * Normalizes the drafts' tags through the vocabulary (one resolve for the whole batch); a draft
 * whose tags collapsed below 3 is filled from the extractive tags of its title and categories.
 */
async function finish(
  deps: SummarizeDeps,
  drafts: readonly Draft[],
  papers: Map<string, Paper>,
  lazyKeyphrases: LazyKeyphrases,
): Promise<StoredSummary[]> {
  const mapping = await deps.tags.canonicalize(drafts.flatMap((d) => d.rawTags));
  const distinct = (tags: readonly string[]): number =>
    new Set(tags.map((t) => (mapping.get(t) ?? t).toLowerCase())).size;
  const short = drafts.filter((d) => distinct(d.rawTags) < 3);
  const keyphrases = short.length > 0 ? await lazyKeyphrases() : undefined;
  const fallbackOf = (id: string): string[] => {
    const paper = papers.get(id);
    return paper && keyphrases ? extractiveSummary(paper, { keyphrases: keyphrases.of(paper) }).tags : [];
  };
  const filler =
    short.length > 0
      ? await deps.tags.canonicalize(short.flatMap((d) => fallbackOf(d.id)))
      : new Map<string, string>();
  const canonical = (tag: string): string => mapping.get(tag) ?? filler.get(tag) ?? tag;
  return drafts.map(({ rawTags, ...rest }) => ({
    ...rest,
    tags: finalTags(
      rawTags,
      canonical,
      short.some((d) => d.id === rest.id) ? fallbackOf(rest.id).map(canonical) : [],
    ),
  }));
}

/** A paper's outcome; an LLM failure still yields the extractive summary, with the reason as its note. */
type BatchOutcome = Outcome & { fallback?: Draft };

async function runBatch(
  deps: SummarizeDeps,
  batch: readonly Paper[],
  useLlm: boolean,
  options: SummarizeOptions,
  keyphrases: LazyKeyphrases,
): Promise<BatchOutcome[]> {
  const at = deps.clock.now().toISOString();
  return Promise.all(
    batch.map(async (paper): Promise<BatchOutcome> => {
      if (!useLlm) return { id: paper.id, ok: true, draft: extractiveDraft(paper, at, await keyphrases()) };
      let outcome: Outcome;
      try {
        outcome = await summarizeWithLlm(deps, paper, options);
      } catch (error) {
        outcome = { id: paper.id, ok: false, error: errorMessage(error) };
      }
      if (outcome.ok) return outcome;
      const note = fallbackNote(outcome.error);
      return { ...outcome, fallback: extractiveDraft(paper, at, await keyphrases(), note) };
    }),
  );
}

function currentVersion(deps: SummarizeDeps, useLlm: boolean) {
  return useLlm && deps.model
    ? { model: deps.model.label, promptHash: deps.prompt.hash, source: 'llm' as const }
    : { model: EXTRACTIVE_MODEL, promptHash: EXTRACTIVE_VERSION, source: 'extractive' as const };
}

function selectTodo(
  ids: readonly string[],
  papers: Map<string, Paper>,
  existing: Map<string, StoredSummary>,
  current: ReturnType<typeof currentVersion>,
  options: SummarizeOptions,
  result: SummarizeResult,
): Paper[] {
  const todo: Paper[] = [];
  for (const id of ids) {
    const paper = papers.get(id);
    if (!paper) {
      result.failed.push({ id, error: 'not in the papers store' });
      options.onItemFailed?.(id, 'not in the papers store');
    } else if (shouldSummarize(existing.get(id), current, options.force === true).run) todo.push(paper);
    else result.skipped.push(id);
  }
  return todo;
}

/** Papers in flight by default: above the usual provider limit (10), so the LLM queue never idles. */
const DEFAULT_IN_FLIGHT = 16;

function deferred<T>(): { promise: Promise<T | undefined>; resolve: (value: T | undefined) => void } {
  let resolve: (value: T | undefined) => void = () => undefined;
  const promise = new Promise<T | undefined>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** Runs `task` over `items`, at most `limit` at once, starting the next as soon as one ends. */
async function mapLimited<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function storeOutcome(
  deps: SummarizeDeps,
  o: BatchOutcome,
  ctx: {
    papers: Map<string, Paper>;
    keyphrases: LazyKeyphrases;
    options: SummarizeOptions;
    result: SummarizeResult;
  },
): Promise<void> {
  const { result, options } = ctx;
  if (!o.ok) {
    deps.logger.warn(
      { id: o.id, error: o.error },
      'LLM summary failed: extractive summary from the abstract',
    );
    result.failed.push({ id: o.id, error: o.error });
    result.fallback.push(o.id);
    options.onItemFailed?.(o.id, o.error);
  }
  const draft = o.ok ? o.draft : o.fallback;
  if (!draft) return;
  const stored = await finish(deps, [draft], ctx.papers, ctx.keyphrases);
  await deps.summaries.upsert(stored);
  await deps.tags.save();
  for (const s of stored) {
    result.summarized.push(s.id);
    if (s.source === 'extractive') result.extractive.push(s.id);
    options.onSummarized?.(s);
  }
}

/** Summarizes `ids` (see `shouldSummarize` for which are skipped); stores each as it is done. */
export async function summarizePapers(
  deps: SummarizeDeps,
  ids: readonly string[],
  options: SummarizeOptions = {},
): Promise<SummarizeResult> {
  const result: SummarizeResult = { summarized: [], skipped: [], failed: [], extractive: [], fallback: [] };
  const useLlm = deps.llm.available(SUMMARIZE_PURPOSE) && deps.model !== undefined;
  const unique = [...new Set(ids)];
  const [papers, existing] = await Promise.all([deps.papers.get(unique), deps.summaries.get(unique)]);
  const todo = selectTodo(unique, papers, existing, currentVersion(deps, useLlm), options, result);
  if (!useLlm && todo.length > 0)
    deps.logger.warn(
      { papers: todo.length },
      'no LLM configured for summaries: extractive summaries from the abstracts',
    );
  let built: Promise<PaperKeyphrases> | undefined;
  const keyphrases: LazyKeyphrases = () => {
    built ??= (deps.corpus ? deps.corpus() : Promise.resolve(todo)).then((c) => createPaperKeyphrases(c));
    return built;
  };
  // Every paper runs as soon as a slot is free, not in lockstep batches that wait for their
  // slowest; each is stored (and handed on) as soon as it and the papers before it are done.
  // Stores go in the order of `ids`, one at a time: the tag vocabulary names a new tag after
  // its first use, so the same input gives the same vocabulary whatever the LLM's timing.
  const outcomes = todo.map(() => deferred<BatchOutcome>());
  const stored = todo.reduce<Promise<unknown>>(
    (previous, _, i) =>
      previous.then(async () => {
        const outcome = await outcomes[i]?.promise;
        if (outcome) await storeOutcome(deps, outcome, { papers, keyphrases, options, result });
      }),
    Promise.resolve(),
  );
  // A failed store is rethrown by the `await` below, once every paper has run.
  stored.catch(() => undefined);
  await mapLimited([...todo.keys()], options.batchSize ?? DEFAULT_IN_FLIGHT, async (i) => {
    const paper = todo[i];
    if (!paper) return;
    const [outcome] = await runBatch(deps, [paper], useLlm, options, keyphrases);
    if (outcome?.ok && outcome.draft.source === 'llm') {
      const { rawTags, ...fields } = outcome.draft;
      options.onAnswered?.({ ...fields, tags: rawTags });
    }
    outcomes[i]?.resolve(outcome);
  });
  await stored;
  return result;
}
