/**
 * The Arena's rank: 1 + the number of models (in the same category) whose lower bound is above
 * this model's upper bound. Models whose intervals overlap share a rank, so a rank says what is
 * statistically better, not just higher.
 */
interface Interval {
  lower: number;
  upper: number;
}

export function arenaRanks(intervals: readonly Interval[]): number[] {
  const lowers = intervals.map((i) => i.lower).sort((a, b) => b - a);
  return intervals.map(({ upper }) => {
    // lowers is sorted descending: count the prefix strictly above `upper`.
    let lo = 0;
    let hi = lowers.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((lowers[mid] ?? Number.NEGATIVE_INFINITY) > upper) lo = mid + 1;
      else hi = mid;
    }
    return 1 + lo;
  });
}

/**
 * A rating on the 0–100 scale the radar's rows use: the expected win rate, in percent, against
 * a model rated 1000 (the Elo relation the Arena's Bradley–Terry scale is expressed in). It is
 * monotone, so order, ties and "lower bound above upper bound" are the same as on the ratings.
 */
const REFERENCE_RATING = 1000;

export function winRatePercent(rating: number): number {
  return 100 / (1 + 10 ** ((REFERENCE_RATING - rating) / 400));
}
