/**
 * The one LLM layer used by every feature: any OpenAI-compatible provider through the `openai`
 * package, the model chosen per purpose from config, structured output by declared capability,
 * a concurrency limit per provider, the cost ledger and the daily budget. Each call answers an
 * `LlmResult`, so one failed item never aborts a batch.
 */
import type { RadarEnv } from '../config/env.ts';
import type { RadarConfig } from '../config/schema.ts';
import { type Clock, systemClock } from '../core/clock.ts';
import type { Logger } from '../log/logger.ts';
import { type AlertFn, type BudgetGuard, createBudgetGuard } from './budget.ts';
import { type CallDeps, type CallOutcome, type CallSpec, callModel, type Interpreted } from './chat-call.ts';
import { addUsage } from './cost.ts';
import type { Ledger } from './ledger.ts';
import {
  type CompleteRequest,
  type LlmFailure,
  type LlmResult,
  NO_USAGE,
  type StructuredRequest,
} from './llm-types.ts';
import { modelLabel, type ResolvedModel, resolveModel } from './model-resolution.ts';
import { createProviderPool } from './provider-pool.ts';
import { buildStructuredCall, retryMessages, validateAnswer } from './structured-output.ts';

export interface LlmClient {
  complete(request: CompleteRequest): Promise<LlmResult<string>>;
  structured<T>(request: StructuredRequest<T>): Promise<LlmResult<T>>;
  /** A model is configured for the purpose and its provider's API key is set. */
  available(purpose: string): boolean;
  budget: BudgetGuard;
}

export interface LlmClientDeps {
  config: RadarConfig;
  env: RadarEnv;
  ledger: Ledger;
  logger: Logger;
  clock?: Clock;
  alert?: AlertFn;
}

export interface LlmClientOptions {
  /** Written on every ledger row of this client's calls. */
  runId?: string;
  /** Stops this client's calls, queued or in flight (the run's stop signal). */
  signal?: AbortSignal;
}

/** Usage and cost of several attempts at one item. */
function combine<T>(outcomes: readonly CallOutcome<unknown>[], last: CallOutcome<T>): CallOutcome<T> {
  const usage = outcomes.reduce((sum, o) => addUsage(sum, o.usage), NO_USAGE);
  const costUsd = outcomes.reduce((sum, o) => sum + o.costUsd, 0);
  return { ...last, usage, costUsd };
}

function toResult<T>(outcome: CallOutcome<T>, resolved: ResolvedModel): LlmResult<T> {
  const model = modelLabel(resolved);
  const { usage, costUsd } = outcome;
  return outcome.ok
    ? { ok: true, value: outcome.value, usage, costUsd, model }
    : { ok: false, error: outcome.error, usage, costUsd, model };
}

function unresolved<T>(purpose: string): LlmResult<T> {
  const error: LlmFailure = {
    kind: 'config',
    message: `no LLM model for purpose "${purpose}": declare llm.providers.<name>.models or llm.tasks.${purpose}`,
  };
  return { ok: false, error, usage: NO_USAGE, costUsd: 0, model: undefined };
}

/**
 * A truncated answer is asked again once with the model's whole output allowance, when the
 * request had asked for less.
 */
async function callWithRoom<T>(
  deps: CallDeps,
  spec: CallSpec,
  interpret: (content: string) => Interpreted<T>,
): Promise<CallOutcome<T>> {
  const first = await callModel(deps, spec, interpret);
  const room = spec.resolved.model.maxOutputTokens;
  if (first.ok || first.error.kind !== 'truncated' || spec.maxTokens >= room) return first;
  deps.logger.info({ purpose: spec.purpose, maxTokens: room }, 'answer cut off; asking again with more room');
  return combine([first], await callModel(deps, { ...spec, maxTokens: room }, interpret));
}

export function createLlmClient(deps: LlmClientDeps, options: LlmClientOptions = {}): LlmClient {
  const { config, ledger } = deps;
  const clock = deps.clock ?? systemClock;
  const logger = deps.logger.child({ module: 'llm' });
  const pool = createProviderPool({ llm: config.llm, env: deps.env, logger });
  const budget = createBudgetGuard(
    { ledger, clock, logger, alert: deps.alert },
    { dailyUsd: config.budgets.dailyUsd, timezone: config.schedule.timezone },
  );
  const callDeps: CallDeps = {
    pool,
    budget,
    ledger,
    clock,
    logger,
    ...(options.signal ? { signal: options.signal } : {}),
  };

  const specOf = (request: CompleteRequest, resolved: ResolvedModel): CallSpec => ({
    resolved,
    purpose: request.purpose,
    runId: request.runId ?? options.runId,
    messages: request.messages,
    maxTokens: Math.min(request.maxTokens ?? resolved.model.maxOutputTokens, resolved.model.maxOutputTokens),
    temperature: request.temperature,
    responseFormat: undefined,
  });

  return {
    budget,
    available(purpose) {
      const resolved = resolveModel(config.llm, purpose);
      return resolved !== undefined && pool.missing(resolved.providerName) === undefined;
    },
    async complete(request) {
      const resolved = resolveModel(config.llm, request.purpose);
      if (!resolved) return unresolved(request.purpose);
      const outcome = await callWithRoom(callDeps, specOf(request, resolved), (content) => ({
        ok: true,
        value: content,
      }));
      return toResult(outcome, resolved);
    },
    async structured<T>(request: StructuredRequest<T>) {
      const resolved = resolveModel(config.llm, request.purpose);
      if (!resolved) return unresolved<T>(request.purpose);
      const call = buildStructuredCall(resolved.model, request.schema, request.schemaName, request.messages);
      if (call.fallbackReason !== undefined)
        logger.warn(
          { schemaName: request.schemaName, reason: call.fallbackReason },
          'schema not expressible as a strict json_schema format; asking with instructions instead',
        );
      const spec = {
        ...specOf(request, resolved),
        messages: call.messages,
        responseFormat: call.responseFormat,
      };
      const interpret = (content: string): Interpreted<T> => {
        const checked = validateAnswer(content, request.schema);
        if (checked.ok) return checked;
        return {
          ok: false,
          error: { kind: 'validation', message: checked.errors.join('; '), details: checked.errors },
        };
      };
      const first = await callWithRoom(callDeps, spec, interpret);
      if (first.ok || first.error.kind !== 'validation' || first.content === undefined)
        return toResult(first, resolved);
      logger.info(
        { purpose: request.purpose, errors: first.error.message },
        'invalid structured answer; retrying once',
      );
      const messages = retryMessages(
        call.messages,
        first.content,
        first.error.details ?? [first.error.message],
      );
      const second = await callWithRoom(callDeps, { ...spec, messages }, interpret);
      const outcome = combine([first, second], second);
      if (!outcome.ok && outcome.error.kind === 'validation')
        outcome.error = { ...outcome.error, message: `invalid after one retry: ${outcome.error.message}` };
      return toResult(outcome, resolved);
    },
  };
}
