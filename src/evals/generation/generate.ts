/**
 * One candidate's output for one case: the candidate's template rendered with the case, one
 * structured call (the summary's fields, validated), cached on content (model, prompt hash,
 * options, the case's inputs, the system part), so a second run of the same candidate on the
 * same case makes no call. Failures are returned, never cached.
 */
import { z } from 'zod';
import { SummaryFields } from '../../core/summary.ts';
import type { LlmClient } from '../../llm/llm-client.ts';
import { sha256, stableHash } from './benchmark-key.ts';
import type { Candidate } from './candidate.ts';
import { caseVariables, type EvalCase } from './case-set.ts';
import { summaryText } from './output-text.ts';
import { renderGenerationPrompt } from './template-render.ts';

export const CachedGeneration = z.object({
  key: z.string(),
  candidateId: z.string(),
  caseId: z.string(),
  model: z.string(),
  prompt: z.string(),
  missing: z.array(z.string()),
  fields: SummaryFields,
  text: z.string(),
  costUsd: z.number().min(0),
  at: z.iso.datetime({ offset: true }),
});
export type CachedGeneration = z.infer<typeof CachedGeneration>;

export interface GenerationCache {
  get(key: string): Promise<CachedGeneration | undefined>;
  put(entry: CachedGeneration): Promise<void>;
}

export interface GenerationSide {
  candidate: Candidate;
  /** The LLM purpose whose model is the candidate's (ledger tag). */
  purpose: string;
}

export interface GenerationContext {
  llm: Pick<LlmClient, 'structured'>;
  cache: GenerationCache;
  defaultSystem: string;
  userInterests: readonly string[];
  runId: string;
  now: () => Date;
}

export type GenerationOutcome =
  | { ok: true; cached: boolean; entry: CachedGeneration; calls: number }
  | {
      ok: false;
      prompt: string;
      missing: string[];
      kind: string;
      message: string;
      calls: number;
      costUsd: number;
    };

function optionNumber(options: Readonly<Record<string, string>>, key: string): number | undefined {
  const raw = options[key];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

/** The case as the candidate sees it: `text_route=abstract` drops the full text, `max_input_tokens` cuts it. */
function candidateView(c: EvalCase, options: Readonly<Record<string, string>>): EvalCase {
  if (options.text_route === 'abstract') return { ...c, full_text: '' };
  const maxTokens = optionNumber(options, 'max_input_tokens');
  if (maxTokens === undefined || c.full_text === undefined) return c;
  return { ...c, full_text: c.full_text.slice(0, Math.max(0, Math.floor(maxTokens * 4))) };
}

function generationKey(side: GenerationSide, c: EvalCase, defaultSystem: string): string {
  const { candidate } = side;
  return stableHash({
    model: candidate.model,
    promptHash: candidate.generationPromptHash,
    options: candidate.options,
    case: sha256(JSON.stringify(c)),
    system: sha256(defaultSystem),
  });
}

export async function generate(
  ctx: GenerationContext,
  side: GenerationSide,
  c: EvalCase,
): Promise<GenerationOutcome> {
  const key = generationKey(side, c, ctx.defaultSystem);
  const hit = await ctx.cache.get(key);
  if (hit) return { ok: true, cached: true, entry: hit, calls: 0 };
  const { candidate } = side;
  const view = candidateView(c, candidate.options);
  const rendered = renderGenerationPrompt(
    candidate.generationPromptTemplate,
    caseVariables(view, ctx.userInterests),
    ctx.defaultSystem,
  );
  const temperature = optionNumber(candidate.options, 'temperature');
  const maxTokens = optionNumber(candidate.options, 'max_output_tokens');
  const result = await ctx.llm.structured({
    purpose: side.purpose,
    schema: SummaryFields,
    schemaName: 'paper_summary',
    messages: rendered.messages,
    runId: ctx.runId,
    ...(temperature !== undefined ? { temperature } : {}),
    ...(maxTokens !== undefined ? { maxTokens } : {}),
  });
  if (!result.ok)
    return {
      ok: false,
      prompt: rendered.text,
      missing: rendered.missing,
      kind: result.error.kind,
      message: result.error.message,
      calls: 1,
      costUsd: result.costUsd,
    };
  const entry: CachedGeneration = {
    key,
    candidateId: candidate.id,
    caseId: c.id,
    model: result.model,
    prompt: rendered.text,
    missing: rendered.missing,
    fields: result.value,
    text: summaryText(result.value),
    costUsd: result.costUsd,
    at: ctx.now().toISOString(),
  };
  await ctx.cache.put(entry);
  return { ok: true, cached: false, entry, calls: 1 };
}
