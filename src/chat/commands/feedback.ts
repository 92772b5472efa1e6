import { parseArxivId } from '../../core/arxiv-id.ts';
import { plainMessage } from '../message-format.ts';
import type { Command } from './command-types.ts';

function feedback(value: 1 | -1): Command {
  return async (deps, request) => {
    const id = parseArxivId(request.args.trim().split(/\s+/)[0] ?? '');
    if (!id) return plainMessage(`Usage: /${value === 1 ? 'like' : 'dislike'} <arXiv id>, e.g. 2511.01234`);
    const known = await deps.stores.papers.get([id.id]);
    if (!known.has(id.id)) {
      return plainMessage(
        `No paper ${id.id} in the radar’s papers: check the id (only collected papers can be labelled).`,
      );
    }
    await deps.labels.direct({
      platform: request.platform,
      userId: request.userId,
      paperId: id.id,
      value,
      at: request.at,
    });
    return plainMessage(`Labelled ${id.id} ${value === 1 ? '👍' : '👎'}.`);
  };
}

export const like = feedback(1);
export const dislike = feedback(-1);
