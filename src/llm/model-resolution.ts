/** Which provider and model serve a purpose (pure): `llm.tasks.<purpose>`, else the default model. */
import type { LlmModelConfig, LlmProviderConfig, RadarConfig } from '../config/schema.ts';

export interface ResolvedModel {
  providerName: string;
  modelName: string;
  provider: LlmProviderConfig;
  model: LlmModelConfig;
}

/** `provider/model`; the model part may itself contain slashes (`ollama/library/llama3`). */
export function splitModelRef(ref: string): { providerName: string; modelName: string } | undefined {
  const slash = ref.indexOf('/');
  if (slash <= 0 || slash === ref.length - 1) return undefined;
  return { providerName: ref.slice(0, slash), modelName: ref.slice(slash + 1) };
}

function lookup(llm: RadarConfig['llm'], providerName: string, modelName: string): ResolvedModel | undefined {
  const provider = llm.providers[providerName];
  const model = provider?.models[modelName];
  return provider && model ? { providerName, modelName, provider, model } : undefined;
}

/**
 * The default model: the first model of the `default` provider (RADAR_LLM_MODEL puts its model
 * first there), or of the first declared provider when none is called `default`.
 */
export function defaultModel(llm: RadarConfig['llm']): ResolvedModel | undefined {
  const names = Object.keys(llm.providers);
  const providerName = names.includes('default') ? 'default' : names[0];
  if (providerName === undefined) return undefined;
  const modelName = Object.keys(llm.providers[providerName]?.models ?? {})[0];
  return modelName === undefined ? undefined : lookup(llm, providerName, modelName);
}

export function resolveModel(llm: RadarConfig['llm'], purpose: string): ResolvedModel | undefined {
  const ref = llm.tasks[purpose];
  if (ref === undefined) return defaultModel(llm);
  const parts = splitModelRef(ref);
  return parts ? lookup(llm, parts.providerName, parts.modelName) : undefined;
}

export function modelLabel(resolved: Pick<ResolvedModel, 'providerName' | 'modelName'>): string {
  return `${resolved.providerName}/${resolved.modelName}`;
}
