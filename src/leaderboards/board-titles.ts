/** How boards and their sub-tables are named to users: "SWE-bench Verified", "EvalPlus HumanEval+". */
import type { BoardId } from './leaderboard-row.ts';

export const BOARD_TITLES: Record<BoardId, string> = {
  swebench: 'SWE-bench',
  evalplus: 'EvalPlus',
  livebench: 'LiveBench',
  livecodebench: 'LiveCodeBench',
  bigcodebench: 'BigCodeBench',
  lmarena: 'LMArena',
  openrouter: 'OpenRouter',
  artificialanalysis: 'Artificial Analysis',
};

const SUBBOARD_TITLES: Record<string, string> = {
  verified: 'Verified',
  lite: 'Lite',
  'bash-only': 'bash-only',
  'humaneval+': 'HumanEval+',
  'mbpp+': 'MBPP+',
  humaneval: 'HumanEval',
  mbpp: 'MBPP',
  full: 'Full',
  hard: 'Hard',
};

/** "SWE-bench Verified"; a sub-table named `overall` (or like the board) adds nothing. */
export function boardTitle(board: BoardId, subboard: string): string {
  const title = BOARD_TITLES[board];
  if (subboard === 'overall' || subboard === '' || subboard === board) return title;
  const sub = SUBBOARD_TITLES[subboard.toLowerCase()] ?? subboard;
  return `${title} ${sub}`;
}

/** Decimals a board shows, from its display precision (0.1 → 1, 0.01 → 2, 1 → 0). */
export function decimalsFor(precision: number): number {
  return Math.max(0, Math.min(4, Math.round(-Math.log10(precision))));
}
