/**
 * LiveBench's averages as the site computes them (src/Table/Averaging.js): a category's average
 * is the mean of its tasks that have a number (blank tasks are skipped); the global average is
 * the mean of the category averages, and none at all when a category has no task with a number.
 */

export type Categories = Readonly<Record<string, readonly string[]>>;

/** Mean of the task columns that parse as numbers; NaN when none does. */
export function categoryAverage(row: Readonly<Record<string, string | undefined>>, tasks: readonly string[]) {
  const values = tasks.map((task) => Number.parseFloat(row[task] ?? '')).filter((v) => !Number.isNaN(v));
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN;
}

/**
 * The site overrides two models' global averages with fixed numbers; kept so the radar shows
 * what livebench.ai shows.
 */
const SITE_OVERRIDES: Readonly<Record<string, number>> = { 'grok-3-thinking': 72, 'grok-3': 58 };

export function globalAverage(
  row: Readonly<Record<string, string | undefined>>,
  categories: Categories,
): number {
  const override = SITE_OVERRIDES[row.model ?? ''];
  if (override !== undefined) return override;
  const averages = Object.values(categories).map((tasks) => categoryAverage(row, tasks));
  if (averages.length === 0) return Number.NaN;
  return averages.reduce((a, b) => a + b, 0) / averages.length;
}

/** The site shows two decimals (`toFixed(2)`). */
export function round2(value: number): number {
  return Number(value.toFixed(2));
}
