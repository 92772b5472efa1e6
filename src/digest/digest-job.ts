/**
 * Summaries and then related papers for the new LLM summaries: the digest work shared by
 * `radar summarize` and the pipeline's summarize step. It runs as a dependency graph: a paper's
 * related-paper call starts as soon as the LLM has answered its summary (the related call reads
 * the summary's text, not its tags, so it need not wait for the stores, which go in input order),
 * beside the other papers' summaries, so the step takes about one summary plus one related call
 * per provider slot instead of every summary and then every related call.
 */
import type { LlmClient } from '../llm/llm-client.ts';
import { type RelatedResult, type Relating, startRelating } from './related.ts';
import { type SummarizeOptions, type SummarizeResult, summarizePapers } from './summarize.ts';
import { createRelatedDeps, createSummarizeDeps, type DigestWiring } from './summarize-deps.ts';

export interface DigestJobResult {
  summaries: SummarizeResult;
  /** Absent when no new LLM summary was made. */
  related: RelatedResult | undefined;
}

export async function summarizeAndRelate(
  wiring: DigestWiring,
  llm: LlmClient,
  ids: readonly string[],
  options: SummarizeOptions & { withoutLlm?: boolean } = {},
): Promise<DigestJobResult> {
  const deps = await createSummarizeDeps(wiring, llm);
  // Offline the LLM is never called, even with a key set: extractive summaries only.
  const summarizeDeps = options.withoutLlm ? { ...deps, model: undefined } : deps;
  // Opened on the first new LLM summary: a run with nothing new never reads the vectors.
  let relating: Promise<Relating> | undefined;
  const summaries = await summarizePapers(summarizeDeps, ids, {
    ...options,
    onAnswered: (summary) => {
      options.onAnswered?.(summary);
      relating ??= createRelatedDeps(wiring, llm).then((deps) => startRelating(deps, { ids }));
      // A failure to open surfaces at the `await` below.
      relating.then((r) => r.relate(summary)).catch(() => undefined);
    },
  });
  const related = relating ? await (await relating).done() : undefined;
  return { summaries, related };
}
