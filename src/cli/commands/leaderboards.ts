/**
 * `radar leaderboards collect|list|changes|show`: `collect` fetches every enabled board at once
 * (progress per board), confirms and records changes, alerts the chats; `list` tells configured
 * from collected with each board's health; `changes` prints the recorded changes of the last
 * --days days; `show` prints a board's latest snapshot, top 10 per sub-table.
 */
import { UsageError } from '../../core/errors.ts';
import { BOARD_TITLES } from '../../leaderboards/board-titles.ts';
import { changeLines, dayBefore, topLines } from '../../leaderboards/board-view.ts';
import { changeMessage } from '../../leaderboards/change-message.ts';
import type { CollectLeaderboardsResult } from '../../leaderboards/collect-leaderboards.ts';
import { BoardId } from '../../leaderboards/leaderboard-row.ts';
import type { Out } from '../action.ts';
import { chatDelivery } from '../chat-delivery.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { parseDaysFlag } from '../days-flag.ts';
import { createProgress } from '../progress.ts';
import { boardTargets, runLeaderboardsJob } from './leaderboards-job.ts';

export function formatCollect(result: CollectLeaderboardsResult): string[] {
  const lines: string[] = [];
  for (const b of result.boards) {
    if (b.status === 'failed')
      lines.push(`failed     ${b.title}: ${b.error ?? 'unknown'} (${b.consecutiveFailures} run(s) in a row)`);
    else if (b.status === 'skipped') lines.push(`skipped    ${b.title}: needs an API key`);
    else {
      const how = b.notModified ? 'not modified' : `${b.rows} rows`;
      lines.push(`${b.status.padEnd(10)} ${b.title}: ${how}, ${b.events.length} new change(s)`);
    }
    for (const e of b.events) lines.push(`  ${changeMessage(e)}`);
  }
  for (const h of result.healthAlerts) lines.push(`alert      ${h}`);
  lines.push(`${result.alertsSent} chat message(s) sent`);
  return lines;
}

export async function runLeaderboardsCollect(ctx: CommandContext, out: Out): Promise<number> {
  return withStateLock(ctx, 'leaderboards collect', async () => {
    const { targets } = boardTargets(ctx.loaded.config, ctx.env);
    const progress = await createProgress(ctx.logger, 'boards');
    const delivery = await chatDelivery(ctx);
    let done = 0;
    try {
      progress.update('leaderboards', 0, targets.size);
      const run = await runLeaderboardsJob({
        config: ctx.loaded.config,
        env: ctx.env,
        stores: ctx.stores,
        logger: ctx.logger,
        alert: delivery.alert,
        notify: delivery.notify,
        onBoardDone: () => progress.update('leaderboards', ++done, targets.size),
      });
      progress.stop();
      for (const line of formatCollect(run.result)) out(line);
      if (run.notion) out(run.notion);
      return run.result.boards.some((b) => b.status === 'failed') ? 1 : 0;
    } finally {
      progress.stop();
      await delivery.close();
    }
  });
}

/** One line per board the radar knows: configured or not, collected or not, and its health. */
export async function boardStatusLines(ctx: CommandContext): Promise<string[]> {
  const store = ctx.stores.leaderboards;
  const { targets, unknown } = boardTargets(ctx.loaded.config, ctx.env);
  const health = await store.readHealth();
  const lines: string[] = [];
  for (const board of BoardId.options) {
    const configured = ctx.loaded.config.sources.leaderboards[board];
    const latest = await store.latestSnapshot(board);
    const h = health.sources[board];
    const state = !configured
      ? 'not configured'
      : !targets.has(board)
        ? configured.enabled
          ? 'needs a key'
          : 'disabled'
        : 'enabled';
    const collected = latest ? `last snapshot ${latest.day}, ${latest.rows.length} rows` : 'never collected';
    const failing =
      h && h.consecutiveFailures > 0 ? `, failing ${h.consecutiveFailures} run(s): ${h.lastError ?? ''}` : '';
    lines.push(
      `${board.padEnd(19)} ${BOARD_TITLES[board].padEnd(20)} ${state.padEnd(15)} ${collected}${failing}`,
    );
  }
  for (const name of unknown) lines.push(`${name.padEnd(19)} (no adapter for this name; ignored)`);
  return lines;
}

export async function runLeaderboardsList(ctx: CommandContext, out: Out): Promise<number> {
  for (const line of await boardStatusLines(ctx)) out(line);
  return 0;
}

export async function runLeaderboardsChanges(
  ctx: CommandContext,
  flags: { days?: string },
  out: Out,
): Promise<number> {
  const days = parseDaysFlag(flags.days);
  const store = ctx.stores.leaderboards;
  const since = dayBefore(new Date().toISOString().slice(0, 10), days);
  const events = (await Promise.all(BoardId.options.map((b) => store.readChanges(b)))).flat();
  const lines = changeLines(events, since);
  if (lines.length === 0) out(`no leaderboard change since ${since} (${events.length} recorded in all)`);
  for (const line of lines) out(line);
  return 0;
}

export function parseBoard(name: string): BoardId {
  const id = BoardId.safeParse(name.trim().toLowerCase());
  if (!id.success)
    throw new UsageError(`unknown leaderboard "${name}"; one of: ${BoardId.options.join(', ')}`);
  return id.data;
}

export async function runLeaderboardsShow(ctx: CommandContext, name: string, out: Out): Promise<number> {
  const board = parseBoard(name);
  const store = ctx.stores.leaderboards;
  const latest = await store.latestSnapshot(board);
  if (!latest) {
    out(`${BOARD_TITLES[board]}: no snapshot collected yet (radar leaderboards collect)`);
    return 0;
  }
  for (const line of topLines(latest)) out(line);
  const recent = changeLines(await store.readChanges(board), dayBefore(latest.day, 30));
  if (recent.length > 0) out('recent changes:');
  for (const line of recent.slice(0, 10)) out(`  ${line}`);
  return 0;
}
