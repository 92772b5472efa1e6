/** Ranking metrics over scores and binary labels (1 = relevant). */

/** ROC-AUC as the Mann–Whitney statistic with average ranks, so tied scores count one half. NaN when a class is missing. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0));
  let positives = 0;
  let rankSum = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    const value = scores[order[i] ?? 0] ?? 0;
    while (j + 1 < n && (scores[order[j + 1] ?? 0] ?? 0) === value) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let t = i; t <= j; t++) {
      if ((labels[order[t] ?? 0] ?? 0) === 1) {
        positives += 1;
        rankSum += averageRank;
      }
    }
    i = j + 1;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of relevant items among the k best scores (ties broken by position); k is capped at the number of items. */
export function precisionAtK(scores: ArrayLike<number>, labels: ArrayLike<number>, k: number): number {
  const n = scores.length;
  const top = Math.min(k, n);
  if (top === 0) return Number.NaN;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b,
  );
  let hits = 0;
  for (let i = 0; i < top; i++) if ((labels[order[i] ?? 0] ?? 0) === 1) hits += 1;
  return hits / top;
}

/**
 * Average precision: the mean, over the relevant items, of the precision of the ranking cut at
 * each of them (ties broken by position, as precisionAtK). NaN without a relevant item.
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || a - b,
  );
  let hits = 0;
  let sum = 0;
  for (let r = 0; r < n; r++) {
    if ((labels[order[r] ?? 0] ?? 0) !== 1) continue;
    hits += 1;
    sum += hits / (r + 1);
  }
  return hits === 0 ? Number.NaN : sum / hits;
}
