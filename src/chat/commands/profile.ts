/** `/profile`: the latest saved interest profile, in short form, with its page link. */
import { profileShortLines } from '../../insights/render-profile.ts';
import type { Inline } from '../chat-adapter.ts';
import { bold, link, plainMessage, text } from '../message-format.ts';
import type { Command } from './command-types.ts';

export const profile: Command = async (deps) => {
  const latest = await deps.stores.profiles.latest();
  if (!latest) {
    const labels = await deps.stores.labels.readAll();
    const liked = labels.filter((l) => l.label === 1).length;
    return plainMessage(
      'No interest profile yet: it is built by `radar profile` (or the daemon) from your 👍/👎.',
      `You have ${liked} liked and ${labels.length - liked} disliked papers.`,
    );
  }
  const p = latest.value;
  const blocks: Inline[][] = [
    [bold(`Your interests (${p.date})`)],
    ...profileShortLines(p).map((line) => [text(line)]),
  ];
  blocks.push(
    p.notionUrl
      ? [text('Full profile: '), link('Interest Profile', p.notionUrl)]
      : [text(`Full profile: out/profile-${p.date}.md in the state directory.`)],
  );
  return { blocks };
};
