/**
 * What every command gets: the environment (with `.env` loaded), the validated config, the
 * state directory and a logger. Config errors surface here, before any state is touched.
 */
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { type RadarEnv, readEnv } from '../config/env.ts';
import { type LoadedConfig, loadConfig } from '../config/load.ts';
import { UsageError } from '../core/errors.ts';
import { createLogger, type Logger } from '../log/logger.ts';
import { registerSecrets } from '../log/redact.ts';
import { acquireStateLock } from '../store/state-lock.ts';
import { createFileStores, type Stores } from '../store/stores.ts';

export interface GlobalOptions {
  state?: string;
  config?: string;
}

export interface CommandContext {
  readonly env: RadarEnv;
  readonly loaded: LoadedConfig;
  readonly stateDir: string;
  readonly logger: Logger;
  readonly cwd: string;
  /** The file stores over `stateDir`, built once per process and passed to the jobs. */
  readonly stores: Stores;
}

export function createContext(options: GlobalOptions, cwd = process.cwd()): CommandContext {
  const dotenvPath = resolve(cwd, '.env');
  if (existsSync(dotenvPath)) loadDotenv({ path: dotenvPath, quiet: true });
  const env = readEnv(process.env);
  registerSecrets(Object.values(env.secrets));
  const loaded = loadConfig({ file: options.config, env, cwd });
  registerSecrets(providerKeys(loaded, env));
  const stateDir = resolve(cwd, options.state ?? env.stateDir ?? 'state');
  checkStateDir(stateDir);
  // On a terminal the progress bars and the summary speak; logs go quiet unless asked for.
  const level = env.raw.RADAR_LOG_LEVEL?.trim() || (process.stderr.isTTY ? 'warn' : 'info');
  const logger = createLogger({ level, terminal: process.stderr.isTTY });
  const stores = createFileStores(stateDir, {
    onTorn: (file) => logger.warn({ file }, 'repaired a torn last line'),
  });
  return { env, loaded, stateDir, logger, cwd, stores };
}

/** A state path that exists but is not a directory is a usage error, before any command reads it. */
function checkStateDir(stateDir: string): void {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(stateDir).isDirectory();
  } catch {
    return; // missing: created on first write; other errors surface, named, where it is used
  }
  if (!isDirectory)
    throw new UsageError(
      `the state directory ${stateDir} is not a directory (see --state / RADAR_STATE_DIR)`,
    );
}

/** The values of the API key variables that the config names (a provider may use any name). */
function providerKeys(loaded: LoadedConfig, env: RadarEnv): (string | undefined)[] {
  const names = Object.values(loaded.config.llm.providers).map((provider) => provider.apiKeyEnv);
  for (const model of Object.values(loaded.config.embedding.models))
    if ('apiKeyEnv' in model) names.push(model.apiKeyEnv);
  for (const board of Object.values(loaded.config.sources.leaderboards))
    if (board.apiKeyEnv !== undefined) names.push(board.apiKeyEnv);
  return names.map((name) => env.raw[name]);
}

/**
 * The context with the LLM model resolved: when the environment names a server but no model, the
 * server is asked for its models once (see src/llm/model-discovery.ts).
 */
export async function resolveContext(ctx: CommandContext): Promise<CommandContext> {
  const { needsModelDiscovery, discoverDefaultModel } = await import('../llm/model-discovery.ts');
  if (!needsModelDiscovery(ctx.loaded.config, ctx.env)) return ctx;
  const discovered = await discoverDefaultModel(ctx.loaded.config, ctx.env);
  ctx.logger.warn({ model: discovered.model }, discovered.notice);
  if (ctx.logger.isLevelEnabled('warn') === false) process.stderr.write(`radar: ${discovered.notice}\n`);
  return { ...ctx, loaded: Object.freeze({ ...ctx.loaded, config: deepFreezeConfig(discovered.config) }) };
}

function deepFreezeConfig<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreezeConfig(child);
    Object.freeze(value);
  }
  return value;
}

/** Runs `fn` holding the state lock; the lock is released however `fn` ends. */
export async function withStateLock<T>(
  ctx: CommandContext,
  command: string,
  fn: () => Promise<T>,
): Promise<T> {
  const lock = await acquireStateLock(ctx.stateDir, command);
  if (lock.tookOver)
    ctx.logger.warn({ stateDir: ctx.stateDir }, 'took over the lock of a radar process that had died');
  try {
    return await fn();
  } finally {
    await lock.release();
  }
}
