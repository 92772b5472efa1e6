/**
 * One chat completion: wait for a slot in the provider's queue, check the budget, send it with
 * the real SDK, interpret the answer and record the call in the ledger, ok or not. Every
 * outcome is a value; nothing here throws for an API, network or answer problem.
 */
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { BudgetGuard } from './budget.ts';
import { costOf } from './cost.ts';
import type { Ledger } from './ledger.ts';
import type { ChatMessage, LlmFailure, LlmUsage } from './llm-types.ts';
import { NO_USAGE } from './llm-types.ts';
import type { ResolvedModel } from './model-resolution.ts';
import type { ProviderPool } from './provider-pool.ts';
import type { ResponseFormat } from './structured-output.ts';

export interface CallDeps {
  pool: ProviderPool;
  budget: BudgetGuard;
  ledger: Ledger;
  clock: Clock;
  logger: Logger;
  /** The run's stop signal: a queued call is dropped, one in flight is aborted. */
  signal?: AbortSignal;
}

export interface CallSpec {
  resolved: ResolvedModel;
  purpose: string;
  runId: string | undefined;
  messages: readonly ChatMessage[];
  maxTokens: number;
  temperature: number | undefined;
  responseFormat: ResponseFormat | undefined;
}

export type Interpreted<T> = { ok: true; value: T } | { ok: false; error: LlmFailure };

export type CallOutcome<T> = (
  | { ok: true; value: T }
  | { ok: false; error: LlmFailure /** The answer, when there was one. */; content?: string }
) & { usage: LlmUsage; costUsd: number };

/** The parts of a completion this layer reads; anything else (an HTML page from a proxy) is malformed. */
const Completion = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
      }),
    )
    .min(1),
  usage: z
    .object({ prompt_tokens: z.number().int().min(0), completion_tokens: z.number().int().min(0) })
    .nullish(),
});
type Completion = z.infer<typeof Completion>;

const CANCELLED: LlmFailure = { kind: 'network', message: 'cancelled: the run was stopped' };

export function failureOf(error: unknown, spec: Pick<CallSpec, 'resolved'>): LlmFailure {
  if (error instanceof APIUserAbortError) return CANCELLED;
  const { timeoutSeconds, maxRetries } = spec.resolved.provider;
  const tries = `${maxRetries + 1} attempt${maxRetries === 0 ? '' : 's'}`;
  if (error instanceof APIConnectionTimeoutError)
    return { kind: 'network', message: `timed out after ${timeoutSeconds}s (${tries})` };
  if (error instanceof APIConnectionError)
    return { kind: 'network', message: `connection failed (${tries}): ${error.message}` };
  if (error instanceof APIError && error.status !== undefined)
    return { kind: 'api', status: error.status, message: `${error.message} (${tries})` };
  return { kind: 'api', message: `unexpected answer: ${errorMessage(error)}` };
}

function paramsOf(spec: CallSpec): ChatCompletionCreateParamsNonStreaming {
  const params: ChatCompletionCreateParamsNonStreaming = {
    model: spec.resolved.modelName,
    messages: spec.messages.map((m) => ({ role: m.role, content: m.content })),
    max_tokens: spec.maxTokens,
  };
  if (spec.temperature !== undefined) params.temperature = spec.temperature;
  if (spec.responseFormat !== undefined) params.response_format = spec.responseFormat;
  return params;
}

function readAnswer<T>(completion: Completion, interpret: (content: string) => Interpreted<T>) {
  const choice = completion.choices[0];
  const content = choice?.message.content ?? undefined;
  const failed = (error: LlmFailure) => ({ ok: false as const, error, ...(content ? { content } : {}) });
  if (choice?.message.refusal)
    return failed({ kind: 'refusal', message: `refused: ${choice.message.refusal}` });
  if (choice?.finish_reason === 'content_filter')
    return failed({ kind: 'refusal', message: 'the answer was stopped by the content filter' });
  if (choice?.finish_reason === 'length')
    return failed({ kind: 'truncated', message: 'the answer was cut off at the output token limit' });
  if (!content) return failed({ kind: 'api', message: 'the answer is empty' });
  const interpreted = interpret(content);
  return interpreted.ok ? interpreted : failed(interpreted.error);
}

async function send<T>(
  deps: CallDeps,
  spec: CallSpec,
  interpret: (content: string) => Interpreted<T>,
): Promise<CallOutcome<T>> {
  const handle = deps.pool.get(spec.resolved.providerName);
  const missing = deps.pool.missing(spec.resolved.providerName) ?? 'provider unavailable';
  if (!handle) return { ok: false, error: { kind: 'config', message: missing }, usage: NO_USAGE, costUsd: 0 };
  const budget = await deps.budget.check();
  if (!budget.ok)
    return { ok: false, error: { kind: 'budget', message: budget.message }, usage: NO_USAGE, costUsd: 0 };
  const at = deps.clock.now().toISOString();
  const started = performance.now();
  let outcome: CallOutcome<T>;
  try {
    const raw: unknown = await handle.client.chat.completions.create(
      paramsOf(spec),
      deps.signal ? { signal: deps.signal } : {},
    );
    const completion = Completion.safeParse(raw);
    if (!completion.success) throw new Error('the response is not a chat completion');
    const usage = {
      inputTokens: completion.data.usage?.prompt_tokens ?? 0,
      outputTokens: completion.data.usage?.completion_tokens ?? 0,
    };
    const costUsd = costOf(usage, spec.resolved.model);
    outcome = { ...readAnswer(completion.data, interpret), usage, costUsd };
  } catch (error) {
    outcome = { ok: false, error: failureOf(error, spec), usage: NO_USAGE, costUsd: 0 };
  }
  await record(deps, spec, outcome, at, performance.now() - started);
  return outcome;
}

async function record<T>(
  deps: CallDeps,
  spec: CallSpec,
  outcome: CallOutcome<T>,
  at: string,
  latencyMs: number,
) {
  try {
    await deps.ledger.record({
      at,
      provider: spec.resolved.providerName,
      model: spec.resolved.modelName,
      purpose: spec.purpose,
      inputTokens: outcome.usage.inputTokens,
      outputTokens: outcome.usage.outputTokens,
      costUsd: outcome.costUsd,
      latencyMs: Math.round(latencyMs),
      ok: outcome.ok,
      ...(outcome.ok ? {} : { error: `${outcome.error.kind}: ${outcome.error.message}`.slice(0, 500) }),
      ...(spec.runId !== undefined ? { runId: spec.runId } : {}),
    });
  } catch (error) {
    deps.logger.error({ err: errorMessage(error), purpose: spec.purpose }, 'could not write the LLM ledger');
  }
}

/** Runs the call in the provider's queue, so at most `concurrency` calls to it are in flight. */
export async function callModel<T>(
  deps: CallDeps,
  spec: CallSpec,
  interpret: (content: string) => Interpreted<T>,
): Promise<CallOutcome<T>> {
  const handle = deps.pool.get(spec.resolved.providerName);
  if (!handle) return send(deps, spec, interpret);
  if (deps.signal?.aborted) return { ok: false, error: CANCELLED, usage: NO_USAGE, costUsd: 0 };
  try {
    return await handle.queue.add(
      () => send(deps, spec, interpret),
      deps.signal ? { signal: deps.signal } : {},
    );
  } catch (error) {
    // p-queue drops a call still waiting for a slot when the run stops.
    if (deps.signal?.aborted) return { ok: false, error: CANCELLED, usage: NO_USAGE, costUsd: 0 };
    throw error;
  }
}
