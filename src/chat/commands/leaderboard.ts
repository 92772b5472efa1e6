/** `/leaderboard <board>`: the board's latest top 10 per sub-table and its changes of the last 7 days. */
import { BOARD_TITLES } from '../../leaderboards/board-titles.ts';
import { changeLines, dayBefore, topLines } from '../../leaderboards/board-view.ts';
import { BoardId } from '../../leaderboards/leaderboard-row.ts';
import { plainMessage } from '../message-format.ts';
import { type Command, today } from './command-types.ts';

/** Sub-tables shown in chat: a board like LiveBench has many categories; the CLI shows them all. */
const CHAT_SUBBOARDS = 4;
const CHAT_TOP = 5;

export const leaderboard: Command = async (deps, request) => {
  const store = deps.stores.leaderboards;
  const collected = await store.collectedBoards();
  const name = request.args.trim().toLowerCase();
  const known = BoardId.options.join(', ');
  if (name === '') {
    return plainMessage(
      `Usage: /leaderboard <name>. Boards: ${known}. Collected: ${collected.join(', ') || 'none yet'}.`,
    );
  }
  const board = BoardId.safeParse(name);
  if (!board.success) return plainMessage(`Unknown leaderboard "${name}". Boards: ${known}.`);
  const latest = await store.latestSnapshot(board.data);
  if (!latest) return plainMessage(`${BOARD_TITLES[board.data]}: no snapshot has been collected yet.`);
  const top = topLines({ ...latest, rows: latest.rows }, CHAT_TOP);
  const sections: string[] = [];
  let current: string[] = [];
  for (const line of top) {
    if (!line.startsWith('  ')) {
      if (current.length > 0) sections.push(current.join('\n'));
      current = [];
    }
    current.push(line.trim());
  }
  if (current.length > 0) sections.push(current.join('\n'));
  const shown = sections.slice(0, CHAT_SUBBOARDS);
  if (sections.length > shown.length)
    shown.push(`… ${sections.length - shown.length} more sub-tables (radar leaderboards show ${board.data})`);
  const changes = changeLines(await store.readChanges(board.data), dayBefore(today(deps), 7));
  shown.push(
    changes.length > 0
      ? `Changes, last 7 days:\n${changes.slice(0, 8).join('\n')}`
      : 'No change in the last 7 days.',
  );
  return plainMessage(...shown);
};
