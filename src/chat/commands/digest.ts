import { plainMessage } from '../message-format.ts';
import { type Command, today } from './command-types.ts';

export const digest: Command = async (deps, request) => {
  const date = today(deps);
  const sent = await deps.resendDigest(request.platform, request.chatId, date);
  return plainMessage(
    sent === 0
      ? `No picks for ${date} yet: the daily pipeline has not picked today's papers.`
      : `That was ${date}'s digest (${sent} papers).`,
  );
};
