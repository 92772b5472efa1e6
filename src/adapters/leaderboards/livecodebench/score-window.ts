/**
 * The date window LiveCodeBench's leaderboard opens on (build/leaderboard.html `loadData`):
 * `date_marks` sorted ascending; the start slider is set to mark 15 (mark 4 with 12 marks or
 * fewer) as a percentage, the end slider to 100 %. The start input has no `step` attribute when
 * that value is set, so the browser snaps it to a whole percent (ties upwards); the index read
 * back is `floor(percent × (marks − 1) / 100)`. Reproduced here because it decides which mark
 * the window really starts on.
 */

interface ScoreWindow {
  start: number;
  end: number;
}

export function defaultWindow(dateMarks: readonly number[]): ScoreWindow | undefined {
  const marks = [...dateMarks].sort((a, b) => a - b);
  const last = marks.length - 1;
  if (last < 1) return undefined;
  const initial = marks.length > 12 ? 15 : 4;
  const percent = Math.floor((initial / last) * 100 + 0.5);
  const startIndex = Math.min(Math.floor((Math.min(percent, 100) * last) / 100), last);
  const start = marks[startIndex];
  const end = marks[last];
  return start === undefined || end === undefined ? undefined : { start, end };
}

/** The site's mean and one-decimal rounding (`fmt(mean(…)) || 0`). */
export function passAt1(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / (values.length || 1);
  return Number(mean.toFixed(1)) || 0;
}
