/**
 * Composition of the generation benchmark: the models of a comparison resolved against the LLM
 * config (each gets its own purpose, so the ledger tags every call `eval-generation:<candidate>`
 * or `eval-judge` and the daily budget applies to them), one LLM client for all of them (one
 * concurrency queue per provider) and the prompts; the run store is `ctx.stores.evals.generation.runs`.
 */
import type { RadarConfig } from '../../config/schema.ts';
import { UsageError } from '../../core/errors.ts';
import { loadPrompt } from '../../digest/prompt-files.ts';
import type { PromptTemplate } from '../../digest/prompt-template.ts';
import type { Candidate } from '../../evals/generation/candidate.ts';
import { AXES, type Axis } from '../../evals/generation/verdict.ts';
import { createLedger } from '../../llm/ledger.ts';
import { createLlmClient, type LlmClient } from '../../llm/llm-client.ts';
import { defaultModel, modelLabel, splitModelRef } from '../../llm/model-resolution.ts';
import type { CommandContext } from '../context.ts';

export const JUDGE_PURPOSE = 'eval-judge';
export const generationPurpose = (candidateId: string): string => `eval-generation:${candidateId}`;

/** A `provider/model` of the LLM config, or a usage error naming what is missing. */
export function checkModel(config: RadarConfig, ref: string, what: string): string {
  const parts = splitModelRef(ref);
  if (!parts) throw new UsageError(`${what}: "${ref}" is not provider/model`);
  const provider = config.llm.providers[parts.providerName];
  if (!provider)
    throw new UsageError(`${what}: LLM provider "${parts.providerName}" is not in llm.providers`);
  if (!provider.models[parts.modelName])
    throw new UsageError(
      `${what}: model "${parts.modelName}" is not declared under llm.providers.${parts.providerName}.models`,
    );
  return ref;
}

/** --judge-model, else llm.tasks.eval-judge, else the default model. */
export function judgeModelOf(config: RadarConfig, flag: string | undefined): string {
  const ref = flag ?? config.llm.tasks[JUDGE_PURPOSE];
  if (ref !== undefined) return checkModel(config, ref, '--judge-model');
  const fallback = defaultModel(config.llm);
  if (!fallback)
    throw new UsageError('no judge model: pass --judge-model provider/model or declare an LLM provider');
  return modelLabel(fallback);
}

/** The config with one task per candidate and one for the judge. */
export function comparisonConfig(
  config: RadarConfig,
  candidates: readonly Candidate[],
  judgeModel: string,
): RadarConfig {
  const tasks: Record<string, string> = { ...config.llm.tasks, [JUDGE_PURPOSE]: judgeModel };
  for (const c of candidates)
    tasks[generationPurpose(c.id)] = checkModel(config, c.model, `candidate "${c.id}"`);
  return { ...config, llm: { ...config.llm, tasks } };
}

export function createComparisonLlm(ctx: CommandContext, config: RadarConfig, runId: string): LlmClient {
  const ledger = createLedger({ store: ctx.stores.ledger }, { timezone: config.schedule.timezone });
  return createLlmClient({ config, env: ctx.env, ledger, logger: ctx.logger }, { runId });
}

export async function loadJudgeTemplates(promptsDir?: string): Promise<Record<Axis, PromptTemplate>> {
  const [faithfulness, coverage, usefulness] = await Promise.all(
    AXES.map((axis) => loadPrompt(`judge-${axis}`, promptsDir)),
  );
  if (!faithfulness || !coverage || !usefulness) throw new UsageError('a judge prompt is missing');
  return { faithfulness, coverage, usefulness };
}
