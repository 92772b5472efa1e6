/**
 * Every leaderboard adapter, by board id. Each one fetches through the given HttpClient (its
 * retries, per-host limits and typed errors) and parses by its board's own rules.
 */
import type { HttpClient } from '../../http/http-client.ts';
import type { BoardAdapter } from '../../leaderboards/board-adapter.ts';
import type { BoardId } from '../../leaderboards/leaderboard-row.ts';
import { createArtificialanalysisAdapter } from './artificialanalysis/artificialanalysis-adapter.ts';
import { createBigcodebenchAdapter } from './bigcodebench/bigcodebench-adapter.ts';
import { createEvalplusAdapter } from './evalplus/evalplus-adapter.ts';
import { createLivebenchAdapter } from './livebench/livebench-adapter.ts';
import { createLivecodebenchAdapter } from './livecodebench/livecodebench-adapter.ts';
import { createLmarenaAdapter } from './lmarena/lmarena-adapter.ts';
import { createOpenrouterAdapter } from './openrouter/openrouter-adapter.ts';
import { createSwebenchAdapter } from './swebench/swebench-adapter.ts';

export { BoardFormatError } from './board-format-error.ts';
export { MissingKeyError } from './create-board-adapter.ts';

export function createBoardAdapters(http: HttpClient): Record<BoardId, BoardAdapter> {
  return {
    swebench: createSwebenchAdapter(http),
    evalplus: createEvalplusAdapter(http),
    livebench: createLivebenchAdapter(http),
    livecodebench: createLivecodebenchAdapter(http),
    bigcodebench: createBigcodebenchAdapter(http),
    lmarena: createLmarenaAdapter(http),
    openrouter: createOpenrouterAdapter(http),
    artificialanalysis: createArtificialanalysisAdapter(http),
  };
}
