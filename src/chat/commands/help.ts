import { bold, code, text } from '../message-format.ts';
import type { Command } from './command-types.ts';

export const COMMAND_HELP: ReadonlyArray<readonly [string, string]> = [
  ['help', 'this list'],
  ['search <query>', 'top papers for a query, with links'],
  ['profile', 'your interest profile'],
  ['trends', 'growing topics'],
  ['benchmarks', 'new benchmarks'],
  ['leaderboard <name>', 'a leaderboard and its latest changes'],
  ['rankings [coding|performance|value]', 'models ranked by coding, speed and price'],
  ['rank', 'the latest picks with their scores'],
  ['digest', "today's picks again"],
  ['status', "last runs, failures, today's LLM spend"],
  ['like <arXiv id>', 'label a paper 👍'],
  ['dislike <arXiv id>', 'label a paper 👎'],
];

export const help: Command = async () => ({
  blocks: [
    [bold('Research radar commands')],
    ...COMMAND_HELP.map(([name, what]) => [code(`/${name}`), text(` — ${what}`)]),
    [text('React 👍/👎 on a paper message (or press its buttons) to label it.')],
  ],
});
