/**
 * OPENAI_BASE_URL (with OPENAI_API_KEY) but no RADAR_LLM_MODEL and no model in the config: the
 * server is asked once (`GET /models`) and its first model becomes the default; a server that
 * lists none, or cannot be asked, is a configuration error that says what to set. The LLM is never
 * switched off silently.
 */
import OpenAI from 'openai';
import type { RadarEnv } from '../config/env.ts';
import { LlmModelConfig, type RadarConfig } from '../config/schema.ts';
import { ConfigError, errorMessage } from '../core/errors.ts';

/** True when the environment points at a server but names no model to use on it. */
export function needsModelDiscovery(config: RadarConfig, env: RadarEnv): boolean {
  const provider = config.llm.providers.default;
  return (
    env.llmBaseUrl !== undefined &&
    env.llmModel === undefined &&
    provider !== undefined &&
    Object.keys(provider.models).length === 0 &&
    Boolean(env.raw[provider.apiKeyEnv]?.trim())
  );
}

export interface DiscoveredModel {
  config: RadarConfig;
  model: string;
  /** One line for the user. */
  notice: string;
}

async function firstModel(client: OpenAI, url: string): Promise<string> {
  let id: string | undefined;
  try {
    const page = await client.models.list();
    id = page.data.find((m) => typeof m.id === 'string' && m.id.length > 0)?.id;
  } catch (error) {
    throw new ConfigError(
      `OPENAI_BASE_URL is set without RADAR_LLM_MODEL, and ${url} could not be read (${errorMessage(error)}): set RADAR_LLM_MODEL to the model to use`,
    );
  }
  if (id === undefined)
    throw new ConfigError(
      `OPENAI_BASE_URL is set without RADAR_LLM_MODEL, and ${url} lists no model: set RADAR_LLM_MODEL to the model to use`,
    );
  return id;
}

export async function discoverDefaultModel(config: RadarConfig, env: RadarEnv): Promise<DiscoveredModel> {
  const provider = config.llm.providers.default;
  const apiKey = provider ? env.raw[provider.apiKeyEnv]?.trim() : undefined;
  if (!provider || !apiKey) throw new Error('discoverDefaultModel needs the default provider and its key');
  const url = `${provider.baseUrl.replace(/\/+$/, '')}/models`;
  const client = new OpenAI({
    apiKey,
    baseURL: provider.baseUrl,
    maxRetries: provider.maxRetries,
    timeout: provider.timeoutSeconds * 1000,
  });
  const model = await firstModel(client, url);
  const providers = {
    ...config.llm.providers,
    default: { ...provider, models: { [model]: LlmModelConfig.parse({}) } },
  };
  return {
    config: { ...config, llm: { ...config.llm, providers } },
    model,
    notice: `OPENAI_BASE_URL without RADAR_LLM_MODEL: using ${model}, the first model ${url} lists (set RADAR_LLM_MODEL to choose another)`,
  };
}
