/** Commands whose feature is not built yet: they say so plainly, with what the state holds. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { plainMessage } from '../message-format.ts';
import type { Command } from './command-types.ts';

async function entries(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return [];
  }
}

/** `/trends` now answers from the saved trend reports (./trends.ts); re-exported so the router's import stays. */
export { trends } from './trends.ts';

export const leaderboard: Command = async (deps, request) => {
  const boards = await entries(join(deps.stateDir, 'leaderboards'));
  const name = request.args.trim().toLowerCase();
  const configured = Object.keys(deps.config.sources.leaderboards);
  if (name === '') {
    return plainMessage(`Usage: /leaderboard <name>. Configured: ${configured.join(', ') || 'none'}.`);
  }
  if (!configured.includes(name)) {
    return plainMessage(`Unknown leaderboard "${name}". Configured: ${configured.join(', ') || 'none'}.`);
  }
  return plainMessage(
    boards.includes(name)
      ? `The ${name} leaderboard has snapshots in the state, but showing them in chat is not available yet.`
      : `The ${name} leaderboard is not available yet: no snapshot has been collected.`,
  );
};
