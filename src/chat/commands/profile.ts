import { createLabelsStore } from '../../store/labels-store.ts';
import { createPapersStore } from '../../store/papers-store.ts';
import { plainMessage } from '../message-format.ts';
import type { Command } from './command-types.ts';

export const profile: Command = async (deps) => {
  const labels = await createLabelsStore(deps.stateDir).readAll();
  const liked = labels.filter((l) => l.label === 1);
  const needed = deps.config.ranking.minLabelsPerClass;
  if (liked.length < needed) {
    return plainMessage(
      `The profile needs ${needed} liked papers; you have ${liked.length}. React 👍 on papers you like.`,
    );
  }
  const papers = await createPapersStore(deps.stateDir).get(liked.map((l) => l.id));
  const counts = new Map<string, number>();
  for (const paper of papers.values()) {
    for (const category of paper.categories) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  const top = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5);
  return plainMessage(
    `The named interest profile is not available yet (it comes with the insights feature).`,
    `You have ${liked.length} liked and ${labels.length - liked.length} disliked papers.`,
    top.length > 0 ? `Most liked categories: ${top.map(([c, n]) => `${c} (${n})`).join(', ')}.` : '',
  );
};
