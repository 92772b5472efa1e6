import { RadarError } from '../../core/errors.ts';

/** A board's file does not have the shape its adapter reads: names the board, the file and the field. */
export class BoardFormatError extends RadarError {
  constructor(
    readonly board: string,
    readonly file: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${board}: malformed ${file}: ${field}: ${reason}`);
  }
}

/** The last path segment of a URL, for messages: `leaderboards.json`, `table_2026_01_08.csv`. */
export function fileName(url: string): string {
  try {
    const path = new URL(url).pathname;
    return path.split('/').filter(Boolean).pop() ?? url;
  } catch {
    return url;
  }
}
