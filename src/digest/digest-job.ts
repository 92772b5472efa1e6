/**
 * Summaries and then related papers for the new LLM summaries: the digest work shared by
 * `radar summarize` and the pipeline's summarize step.
 */
import type { LlmClient } from '../llm/llm-client.ts';
import { type RelatedResult, relatePapers } from './related.ts';
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
  const summaries = await summarizePapers(
    options.withoutLlm ? { ...deps, model: undefined } : deps,
    ids,
    options,
  );
  const fresh = summaries.summarized.filter((id) => !summaries.extractive.includes(id));
  const related =
    fresh.length > 0 ? await relatePapers(await createRelatedDeps(wiring, llm), fresh) : undefined;
  return { summaries, related };
}
