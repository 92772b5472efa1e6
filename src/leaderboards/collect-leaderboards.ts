/**
 * The leaderboard job: every board fetched at once (one failing never stops the others), each
 * fetch stored as the day's snapshot and run through the confirmation rule, the confirmed changes
 * recorded once by key, the alerted kinds sent to the chats, and each board's health recorded
 * and alerted after N failures in a row, as the benchmark sources are.
 */
import { errorMessage, RadarError } from '../core/errors.ts';
import { updateSourceHealth } from '../core/source-health.ts';
import type { Logger } from '../log/logger.ts';
import type { LeaderboardsStore } from '../store/leaderboards-store.ts';
import type { BoardAdapter } from './board-adapter.ts';
import { changeMessage, isAlerted } from './change-message.ts';
import { type AdvanceOutcome, advanceBoard } from './confirm.ts';
import { BoardFetch, type BoardId } from './leaderboard-row.ts';
import type { ChangeEvent } from './snapshot.ts';
import { toSnapshot } from './to-snapshot.ts';

export interface BoardTarget {
  url: string;
  apiKey?: string;
}

export interface CollectLeaderboardsDeps {
  adapters: readonly BoardAdapter[];
  /** The enabled boards and where to fetch them; a board without a target is not collected. */
  targets: ReadonlyMap<BoardId, BoardTarget>;
  store: LeaderboardsStore;
  /** Sends change alerts to the configured chats; returns how many messages went out. */
  notify: (messages: readonly string[]) => Promise<number>;
  /** Source-health alerts (storm-suppressed by the caller). */
  alert: (kind: string, component: string, error: unknown) => unknown;
  now: () => Date;
  logger: Logger;
  /** Called as each board finishes, for progress. */
  onBoardDone?: (board: BoardId, status: BoardStatus) => void;
}

export interface CollectLeaderboardsOptions {
  failuresBeforeAlert: number;
  signal?: AbortSignal;
}

export type BoardStatus = AdvanceOutcome | 'skipped' | 'failed';

export interface BoardReport {
  board: BoardId;
  title: string;
  status: BoardStatus;
  rows: number;
  notModified: boolean;
  /** New events recorded by this fetch. */
  events: ChangeEvent[];
  error: string | null;
  consecutiveFailures: number;
}

export interface CollectLeaderboardsResult {
  boards: BoardReport[];
  alertsSent: number;
  healthAlerts: string[];
}

async function collectBoard(
  deps: CollectLeaderboardsDeps,
  adapter: BoardAdapter,
  target: BoardTarget,
  signal: AbortSignal | undefined,
): Promise<Omit<BoardReport, 'consecutiveFailures' | 'error'>> {
  const base = { board: adapter.board, title: adapter.title, rows: 0, notModified: false, events: [] };
  if (adapter.needsKey && !target.apiKey) return { ...base, status: 'skipped' };
  const state = await deps.store.readState(adapter.board);
  const raw = await adapter.fetch({
    url: target.url,
    validators: state.validators,
    ...(target.apiKey ? { apiKey: target.apiKey } : {}),
    ...(signal ? { signal } : {}),
    now: deps.now(),
  });
  const parsed = BoardFetch.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RadarError(
      `${adapter.title}: rows do not match the leaderboard row schema at ${issue?.path.join('.')}: ${issue?.message}`,
    );
  }
  const fetch = parsed.data;
  const snapshot = fetch.notModified ? null : toSnapshot(fetch);
  if (snapshot) await deps.store.writeSnapshot(snapshot);
  const advanced = advanceBoard(state, snapshot, fetch.fetchedAt);
  const events = await deps.store.addChanges(adapter.board, advanced.events);
  await deps.store.writeState({ ...advanced.state, validators: fetch.validators });
  const rows = (advanced.state.pending ?? advanced.state.confirmed)?.rows.length ?? 0;
  return { ...base, status: advanced.outcome, rows, notModified: fetch.notModified, events };
}

/** Sends every recorded, not yet alerted change of the alerted kinds (also those a crash left unsent). */
async function sendChangeAlerts(deps: CollectLeaderboardsDeps, boards: readonly BoardId[]): Promise<number> {
  let sent = 0;
  for (const board of boards) {
    const unsent = (await deps.store.readChanges(board)).filter((e) => e.alertedAt === null && isAlerted(e));
    if (unsent.length === 0) continue;
    try {
      sent += await deps.notify(unsent.map(changeMessage));
      await deps.store.markAlerted(
        board,
        unsent.map((e) => e.key),
        deps.now().toISOString(),
      );
    } catch (error) {
      deps.logger.warn(
        { board, error: errorMessage(error) },
        'leaderboard change alert failed; kept for the next run',
      );
    }
  }
  return sent;
}

export async function collectLeaderboards(
  deps: CollectLeaderboardsDeps,
  options: CollectLeaderboardsOptions,
): Promise<CollectLeaderboardsResult> {
  const chosen = deps.adapters.filter((a) => deps.targets.has(a.board));
  const settled = await Promise.all(
    chosen.map(async (adapter) => {
      const target = deps.targets.get(adapter.board) as BoardTarget;
      try {
        const report = await collectBoard(deps, adapter, target, options.signal);
        deps.onBoardDone?.(adapter.board, report.status);
        return { ok: true as const, report };
      } catch (error) {
        deps.logger.warn({ board: adapter.board, error: errorMessage(error) }, 'leaderboard failed');
        deps.onBoardDone?.(adapter.board, 'failed');
        return { ok: false as const, error: errorMessage(error) };
      }
    }),
  );
  const health = await deps.store.readHealth();
  const at = deps.now().toISOString();
  const reports = chosen.map((adapter, i): BoardReport => {
    const outcome = settled[i];
    const error = outcome?.ok === false ? outcome.error : null;
    const report = outcome?.ok
      ? outcome.report
      : {
          board: adapter.board,
          title: adapter.title,
          status: 'failed' as const,
          rows: 0,
          notModified: false,
          events: [],
        };
    const counts = report.status !== 'skipped';
    const consecutiveFailures = counts ? updateSourceHealth(health, adapter.board, error, at) : 0;
    return { ...report, error, consecutiveFailures };
  });
  await deps.store.writeHealth(health);
  const healthAlerts: string[] = [];
  for (const r of reports) {
    if (r.status !== 'failed' || r.consecutiveFailures < options.failuresBeforeAlert) continue;
    const message = `leaderboard ${r.title} failed ${r.consecutiveFailures} runs in a row; last error: ${r.error ?? 'unknown'}`;
    healthAlerts.push(message);
    try {
      await deps.alert('leaderboard-failing', `leaderboards/${r.board}`, new Error(message));
    } catch (error) {
      deps.logger.error({ error: errorMessage(error) }, 'alert delivery failed');
    }
  }
  const alertsSent = await sendChangeAlerts(
    deps,
    chosen.map((a) => a.board),
  );
  return { boards: reports, alertsSent, healthAlerts };
}
