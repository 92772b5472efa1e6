/** `/rankings [coding|performance|value|overall]`: the top 10 models with coverage; `*` marks a stale part. */

import { buildRankings, type SortKey, sortRankings } from '../../leaderboards/rankings.ts';
import { rankingLine } from '../../leaderboards/rankings-table.ts';
import { plainMessage } from '../message-format.ts';
import type { Command } from './command-types.ts';

const SORTS: readonly SortKey[] = ['overall', 'coding', 'performance', 'value'];

export const rankings: Command = async (deps, request) => {
  const arg = request.args.trim().toLowerCase() || 'overall';
  const sort = SORTS.find((s) => s === arg);
  if (!sort) return plainMessage(`Usage: /rankings [${SORTS.join('|')}]`);
  const snapshots = await deps.stores.leaderboards.latestSnapshots();
  if (snapshots.length === 0)
    return plainMessage('No leaderboard has been collected yet, so there is no ranking.');
  const { aliases } = await deps.stores.modelAliases.read(false);
  const result = buildRankings(snapshots, aliases, deps.clock.now());
  const top = sortRankings(result.models, sort).slice(0, 10);
  if (top.length === 0) return plainMessage('No model has a score in the collected leaderboards.');
  const lines = top.map((m, i) => rankingLine(m, i + 1).replace(/\s{2,}/g, '  '));
  const stale = top.some((m) => m.coding?.stale || m.performance?.stale || m.value?.stale);
  return plainMessage(
    `Models by ${sort} (overall = 50 % coding + 30 % performance + 20 % value over the parts present):`,
    lines.join('\n'),
    ...(stale ? ['* stale: that part is older than 90 days'] : []),
  );
};
