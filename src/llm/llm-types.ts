/** The LLM layer's contract: requests, and a discriminated result so one failed item never aborts a batch. */
import type { z } from 'zod';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/**
 * Why an item failed: the answer did not validate (after the one retry), the model refused or was
 * cut off, the daily budget is spent, the API answered with an error (after the SDK's retries), the
 * network failed or timed out, or the purpose has no usable model (`config`).
 */
export type LlmFailureKind = 'validation' | 'refusal' | 'truncated' | 'budget' | 'api' | 'network' | 'config';

export interface LlmFailure {
  kind: LlmFailureKind;
  message: string;
  /** The HTTP status for `api` failures. */
  status?: number;
  /** The schema violations of a `validation` failure, one per line. */
  details?: readonly string[];
}

export interface LlmUsage {
  inputTokens: number;
  outputTokens: number;
}

export type LlmResult<T> =
  | { ok: true; value: T; usage: LlmUsage; costUsd: number; model: string }
  | { ok: false; error: LlmFailure; usage: LlmUsage; costUsd: number; model: string | undefined };

export interface CompleteRequest {
  /** What the call is for (`summary`, `tags`…): picks the model (`llm.tasks`) and labels the ledger row. */
  purpose: string;
  messages: readonly ChatMessage[];
  /** Default: the model's declared maxOutputTokens. */
  maxTokens?: number;
  temperature?: number;
  runId?: string;
}

export interface StructuredRequest<T> extends CompleteRequest {
  schema: z.ZodType<T>;
  /** The response format's name: letters, digits, `_` and `-`. */
  schemaName: string;
}

export const NO_USAGE: LlmUsage = Object.freeze({ inputTokens: 0, outputTokens: 0 });
