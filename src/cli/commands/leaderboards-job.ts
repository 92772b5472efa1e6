/**
 * The leaderboard job's composition root, shared by `radar leaderboards collect` and the daemon:
 * the enabled boards and their URLs from the config, one HTTP client with a limit per host (so
 * boards on one host share it), the store, then `collectLeaderboards`, and the confirmed changes
 * upserted into Notion when a token is set. The caller holds the state lock and supplies the
 * alert and notify functions.
 */
import type { RadarEnv } from '../../config/env.ts';
import type { RadarConfig } from '../../config/schema.ts';
import { errorMessage } from '../../core/errors.ts';
import { createHttpClient, type HttpClient } from '../../http/http-client.ts';
import type { BoardAdapter } from '../../leaderboards/board-adapter.ts';
import {
  type BoardStatus,
  type BoardTarget,
  type CollectLeaderboardsResult,
  collectLeaderboards,
} from '../../leaderboards/collect-leaderboards.ts';
import { BOARD_IDS, BoardId } from '../../leaderboards/leaderboard-row.ts';
import type { Logger } from '../../log/logger.ts';
import type { Stores } from '../../store/stores.ts';

/** Requests per second per host: the boards are static files and public APIs; be a polite client. */
export const LEADERBOARD_HOST_RATE = { ratePerSecond: 4, burst: 4 } as const;

export interface LeaderboardsJobDeps {
  config: RadarConfig;
  env: RadarEnv;
  stores: Pick<Stores, 'leaderboards' | 'notionMap' | 'modelAliases'>;
  logger: Logger;
  alert: (kind: string, component: string, error: unknown) => unknown;
  notify: (messages: readonly string[]) => Promise<number>;
  now?: () => Date;
  signal?: AbortSignal;
  /** The board adapters; by default every adapter of src/adapters/leaderboards over `http`. */
  adapters?: (http: HttpClient) => readonly BoardAdapter[] | Promise<readonly BoardAdapter[]>;
  onBoardDone?: (board: BoardId, status: BoardStatus) => void;
}

export interface LeaderboardsJobRun {
  result: CollectLeaderboardsResult;
  /** One line about the Notion upsert, when a token is set. */
  notion: string | undefined;
}

/** The enabled boards the radar knows, with their URL and key; unknown names are reported. */
export function boardTargets(config: RadarConfig, env: RadarEnv) {
  const targets = new Map<BoardId, BoardTarget>();
  const unknown: string[] = [];
  for (const [name, board] of Object.entries(config.sources.leaderboards)) {
    const id = BoardId.safeParse(name);
    if (!id.success) {
      unknown.push(name);
      continue;
    }
    if (!board.enabled) continue;
    // A board's key is read from the variable its `apiKeyEnv` names; Artificial Analysis has a default one.
    const keyEnv =
      board.apiKeyEnv ?? (id.data === 'artificialanalysis' ? 'ARTIFICIAL_ANALYSIS_API_KEY' : undefined);
    const apiKey = keyEnv ? env.raw[keyEnv]?.trim() || undefined : undefined;
    targets.set(id.data, { url: board.url, ...(apiKey ? { apiKey } : {}) });
  }
  return { targets, unknown };
}

async function defaultAdapters(http: HttpClient): Promise<BoardAdapter[]> {
  const { createBoardAdapters } = await import('../../adapters/leaderboards/index.ts');
  const all = createBoardAdapters(http);
  return BOARD_IDS.map((id) => all[id]);
}

export async function runLeaderboardsJob(deps: LeaderboardsJobDeps): Promise<LeaderboardsJobRun> {
  const now = deps.now ?? (() => new Date());
  const { targets, unknown } = boardTargets(deps.config, deps.env);
  for (const name of unknown)
    deps.logger.warn({ board: name }, 'configured leaderboard has no adapter; skipped');
  const http = createHttpClient({
    logger: deps.logger.child({ module: 'http' }),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  for (const target of targets.values()) http.limitHost(new URL(target.url).host, LEADERBOARD_HOST_RATE);
  const adapters = await (deps.adapters ?? defaultAdapters)(http);
  const store = deps.stores.leaderboards;
  const result = await collectLeaderboards(
    {
      adapters,
      targets,
      store,
      notify: deps.notify,
      alert: deps.alert,
      now,
      logger: deps.logger.child({ module: 'leaderboards' }),
      ...(deps.onBoardDone ? { onBoardDone: deps.onBoardDone } : {}),
    },
    {
      failuresBeforeAlert: deps.config.alerts.sourceFailuresBeforeAlert,
      ...(deps.signal ? { signal: deps.signal } : {}),
    },
  );
  let notion: string | undefined;
  try {
    const { publishLeaderboardsToNotion } = await import('./leaderboards-notion.ts');
    notion = await publishLeaderboardsToNotion(deps, store, now());
  } catch (error) {
    notion = `notion: not updated (${errorMessage(error)})`;
    deps.logger.warn({ error: errorMessage(error) }, 'leaderboards Notion upsert failed');
  }
  return { result, notion };
}
