import type { Inline } from '../chat-adapter.ts';
import { bold, link, plainMessage, text } from '../message-format.ts';
import type { Command } from './command-types.ts';

export const rank: Command = async (deps) => {
  const picks = await deps.stores.picks.readAll();
  const last = picks
    .map((p) => p.date)
    .sort()
    .at(-1);
  if (last === undefined) return plainMessage('No picks yet: the ranker has not run (`radar run --once`).');
  const latest = picks.filter((p) => p.date === last).sort((a, b) => b.score - a.score);
  const papers = await deps.stores.papers.get(latest.map((p) => p.id));
  const blocks: Inline[][] = [[bold(`Picks of ${last}`)]];
  latest.forEach((pick, i) => {
    const paper = papers.get(pick.id);
    const title = paper ? link(paper.title, paper.absUrl) : text(pick.id);
    blocks.push([
      text(`${i + 1}. ${pick.score.toFixed(2)} ${pick.reason === 'explore' ? '(explore) ' : ''}`),
      title,
    ]);
  });
  return { blocks };
};
