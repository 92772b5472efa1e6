/**
 * What the composition roots (CLI commands, the pipeline, the daemon) share: the validated
 * config, the environment, the state directory, a logger and a clock, plus the factories of
 * services more than one of them builds.
 */
import { join } from 'node:path';
import type { RadarEnv } from '../config/env.ts';
import type { RadarConfig } from '../config/schema.ts';
import type { Clock } from '../core/clock.ts';
import { ConfigError } from '../core/errors.ts';
import { createEmbedder, type Embedder } from '../embed/embedder.ts';
import type { Logger } from '../log/logger.ts';
import type { Stores } from '../store/stores.ts';

export interface AppDeps {
  config: RadarConfig;
  env: RadarEnv;
  stateDir: string;
  /** The project folder (for `models/`). */
  cwd: string;
  logger: Logger;
  clock: Clock;
  /** The stores, built once by the composition root. */
  stores: Stores;
}

/** Builds the embedder of a configured model, its fitted state (e.g. hashing's idf) loaded when present. */
export async function embedderFor(deps: AppDeps, name: string): Promise<Embedder> {
  const modelConfig = deps.config.embedding.models[name];
  if (!modelConfig) throw new ConfigError(`embedding model "${name}" is not in embedding.models`);
  return createEmbedder(name, modelConfig, {
    env: deps.env,
    logger: deps.logger.child({ module: 'embed', model: name }),
    modelsDir: join(deps.cwd, 'models'),
    stateDir: deps.stateDir,
    ...(deps.config.llm.providers.default ? { defaultProvider: deps.config.llm.providers.default } : {}),
  });
}
