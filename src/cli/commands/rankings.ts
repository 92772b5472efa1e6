/**
 * `radar rankings [--csv FILE] [--sort coding|performance|value|overall] [--min-coverage X]`:
 * the model rankings from the latest snapshot of every board and the alias table; the names
 * that matched no known model are listed per board (add them to the alias table to join them).
 */
import { stringify } from 'csv-stringify/sync';
import { UsageError } from '../../core/errors.ts';
import {
  buildRankings,
  type RankingsResult,
  type SortKey,
  sortRankings,
} from '../../leaderboards/rankings.ts';
import { RANKING_COLUMNS, rankingLine, rankingRecords } from '../../leaderboards/rankings-table.ts';
import { writeFileAtomic } from '../../store/atomic-write.ts';
import type { Stores } from '../../store/stores.ts';
import type { Out } from '../action.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface RankingsFlags {
  csv?: string;
  sort?: string;
  minCoverage?: string;
  limit?: string;
}

const SORTS: readonly SortKey[] = ['overall', 'coding', 'performance', 'value'];

function parseSort(raw: string | undefined): SortKey {
  const sort = SORTS.find((s) => s === (raw ?? 'overall'));
  if (!sort) throw new UsageError(`--sort must be one of ${SORTS.join(', ')}, got "${raw}"`);
  return sort;
}

function parseCoverage(raw: string | undefined): number {
  if (raw === undefined) return 0;
  const x = Number(raw);
  if (!Number.isFinite(x) || x < 0 || x > 1)
    throw new UsageError(`--min-coverage must be between 0 and 1, got "${raw}"`);
  return x;
}

/** The rankings over the state: shared by the command, the chat and Notion. */
export async function loadRankings(
  stores: Pick<Stores, 'leaderboards' | 'modelAliases'>,
  now: Date,
): Promise<RankingsResult> {
  const snapshots = await stores.leaderboards.latestSnapshots();
  const { aliases } = await stores.modelAliases.read();
  return buildRankings(snapshots, aliases, now);
}

export function rankingsCsv(result: RankingsResult, sort: SortKey, minCoverage: number): string {
  const records = rankingRecords(sortRankings(result.models, sort, minCoverage));
  // A BOM and CRLF rows: spreadsheets then read UTF-8 names and RFC 4180 rows as they are.
  return stringify(records, {
    header: true,
    columns: [...RANKING_COLUMNS],
    bom: true,
    record_delimiter: 'windows',
    cast: { boolean: (v) => (v ? 'yes' : 'no') },
  });
}

export async function runRankings(ctx: CommandContext, flags: RankingsFlags, out: Out): Promise<number> {
  const sort = parseSort(flags.sort);
  const minCoverage = parseCoverage(flags.minCoverage);
  const limit = flags.limit === undefined ? 30 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a positive whole number, got "${flags.limit}"`);
  const result = await withStateLock(ctx, 'rankings', () => loadRankings(ctx.stores, new Date()));
  const sorted = sortRankings(result.models, sort, minCoverage);
  if (sorted.length === 0) {
    out('no ranked model: collect the leaderboards first (radar leaderboards collect)');
  }
  sorted.slice(0, limit).forEach((m, i) => {
    out(rankingLine(m, i + 1));
  });
  if (sorted.length > limit) out(`… ${sorted.length - limit} more (--limit, or --csv for all)`);
  if (sorted.some((m) => m.coding?.stale || m.performance?.stale || m.value?.stale))
    out('* stale: the category is older than 90 days');
  if (flags.csv) {
    await writeFileAtomic(flags.csv, rankingsCsv(result, sort, minCoverage));
    out(`wrote ${sorted.length} models to ${flags.csv}`);
  }
  const byBoard = new Map<string, string[]>();
  for (const u of result.unmatched) byBoard.set(u.board, [...(byBoard.get(u.board) ?? []), u.name]);
  for (const [board, names] of byBoard)
    out(
      `unmatched on ${board} (${names.length}): ${names.slice(0, 8).join(', ')}${names.length > 8 ? ', …' : ''}`,
    );
  if (byBoard.size > 0) out(`aliases: ${ctx.stores.modelAliases.file}`);
  return 0;
}
