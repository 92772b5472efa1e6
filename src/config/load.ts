/**
 * Loads the settings: built-in defaults ← the config file (YAML or JSON) ← environment
 * overrides, validated once into a frozen, typed config. An invalid config names every bad
 * key and why, and throws a ConfigError (exit 2) before anything touches the state.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigError, errorMessage } from '../core/errors.ts';
import { ENDPOINT_OVERRIDES, leaderboardOverrides, type RadarEnv } from './env.ts';
import { RadarConfig } from './schema.ts';

export const DEFAULT_CONFIG_FILES = ['radar.config.yaml', 'radar.config.yml', 'radar.config.json'];

export interface LoadedConfig {
  readonly config: RadarConfig;
  /** The file used, or undefined when running on built-in defaults. */
  readonly file: string | undefined;
  /** Config keys set from the environment. */
  readonly overridden: readonly string[];
}

type Tree = Record<string, unknown>;

function isTree(value: unknown): value is Tree {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setPath(tree: Tree, path: readonly string[], value: unknown): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const child = node[key];
    if (!isTree(child)) node[key] = {};
    const next = node[key];
    if (isTree(next)) node = next;
  }
  const last = path.at(-1);
  if (last !== undefined) node[last] = value;
}

function getPath(tree: Tree, path: readonly string[]): unknown {
  let node: unknown = tree;
  for (const key of path) node = isTree(node) ? node[key] : undefined;
  return node;
}

export function findConfigFile(explicit: string | undefined, env: RadarEnv, cwd: string): string | undefined {
  const chosen = explicit ?? env.configFile;
  if (chosen !== undefined) {
    const path = resolve(cwd, chosen);
    if (!existsSync(path)) throw new ConfigError(`config file not found: ${path}`);
    return path;
  }
  return DEFAULT_CONFIG_FILES.map((name) => resolve(cwd, name)).find((path) => existsSync(path));
}

function readTree(file: string): Tree {
  let data: unknown;
  try {
    const text = readFileSync(file, 'utf8');
    data = file.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new ConfigError(`cannot read config file ${file}: ${errorMessage(error)}`);
  }
  if (data === null || data === undefined) return {};
  if (!isTree(data))
    throw new ConfigError(`config file ${file} must hold a mapping of settings at the top level`);
  return data;
}

/** Applies environment overrides to the raw tree, so that they are validated like the file. */
function applyEnv(tree: Tree, env: RadarEnv): string[] {
  const overridden: string[] = [];
  for (const [variable, path] of ENDPOINT_OVERRIDES) {
    const value = env.raw[variable]?.trim();
    if (value) {
      setPath(tree, path, value);
      overridden.push(`${path.join('.')} (${variable})`);
    }
  }
  for (const [board, value] of leaderboardOverrides(env.raw)) {
    setPath(tree, ['sources', 'leaderboards', board, 'url'], value);
    overridden.push(`sources.leaderboards.${board}.url`);
  }
  if (env.llmBaseUrl !== undefined || env.llmModel !== undefined) {
    // OPENAI_BASE_URL and RADAR_LLM_MODEL configure the default provider, so setting them
    // (with OPENAI_API_KEY) is enough to use any OpenAI-compatible server.
    const provider = getPath(tree, ['llm', 'providers', 'default']);
    const base: Tree = isTree(provider)
      ? provider
      : { baseUrl: 'https://api.openai.com/v1', apiKeyEnv: 'OPENAI_API_KEY' };
    if (env.llmBaseUrl !== undefined) base.baseUrl = env.llmBaseUrl;
    if (env.llmModel !== undefined) {
      // The first declared model is the default one for every task without its own.
      const models = isTree(base.models) ? base.models : {};
      base.models = { [env.llmModel]: models[env.llmModel] ?? {}, ...models };
    }
    setPath(tree, ['llm', 'providers', 'default'], base);
    overridden.push('llm.providers.default');
  }
  return overridden;
}

export function loadConfig(options: {
  file?: string | undefined;
  env: RadarEnv;
  cwd?: string;
}): LoadedConfig {
  const file = findConfigFile(options.file, options.env, options.cwd ?? process.cwd());
  const tree = file ? readTree(file) : {};
  const overridden = applyEnv(tree, options.env);
  const parsed = RadarConfig.safeParse(tree);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => {
      const key = issue.path.map(String).join('.') || '(top level)';
      return `${key}: ${issue.message}`;
    });
    throw new ConfigError(`invalid config${file ? ` in ${file}` : ''}:`, issues);
  }
  const config = parsed.data;
  checkReferences(config);
  return Object.freeze({ config: deepFreeze(config), file, overridden });
}

/** Cross-key rules that a per-key schema cannot express. */
function checkReferences(config: RadarConfig): void {
  const issues: string[] = [];
  for (const name of config.embedding.active) {
    if (!(name in config.embedding.models))
      issues.push(`embedding.active: "${name}" is not in embedding.models`);
  }
  for (const [task, ref] of Object.entries(config.llm.tasks)) {
    const [provider, ...rest] = ref.split('/');
    const model = rest.join('/');
    const declared = provider === undefined ? undefined : config.llm.providers[provider];
    if (!declared) issues.push(`llm.tasks.${task}: provider "${provider}" is not in llm.providers`);
    else if (!(model in declared.models))
      issues.push(`llm.tasks.${task}: model "${model}" is not declared for provider "${provider}"`);
  }
  if (issues.length > 0) throw new ConfigError('invalid config:', issues);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
