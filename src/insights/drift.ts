/**
 * Drift of interests: among liked papers, the keys (tags, terms) whose share changed most between
 * the likes of the last days (by label time) and the likes before. Pure.
 */

export interface DriftRow {
  /** When the like was given (ISO date-time or day). */
  at: string;
  keys: readonly string[];
}

export interface KeyShift {
  key: string;
  recentShare: number;
  earlierShare: number;
  /** recentShare − earlierShare. */
  change: number;
}

export interface Drift {
  /** First day counted as recent, `YYYY-MM-DD`. */
  since: string;
  recentLikes: number;
  earlierLikes: number;
  rising: KeyShift[];
  falling: KeyShift[];
}

export interface DriftOptions {
  since: string;
  /** Minimum likes carrying a key, both periods together (default 3). */
  minSupport?: number;
  limit?: number;
}

function shares(rows: readonly DriftRow[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) for (const key of new Set(row.keys)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function interestDrift(likes: readonly DriftRow[], options: DriftOptions): Drift {
  const recent = likes.filter((l) => l.at.slice(0, 10) >= options.since);
  const earlier = likes.filter((l) => l.at.slice(0, 10) < options.since);
  const base = { since: options.since, recentLikes: recent.length, earlierLikes: earlier.length };
  if (recent.length === 0 || earlier.length === 0) return { ...base, rising: [], falling: [] };
  const recentCounts = shares(recent);
  const earlierCounts = shares(earlier);
  const minSupport = options.minSupport ?? 3;
  const shifts: KeyShift[] = [];
  for (const key of new Set([...recentCounts.keys(), ...earlierCounts.keys()])) {
    const r = recentCounts.get(key) ?? 0;
    const e = earlierCounts.get(key) ?? 0;
    if (r + e < minSupport) continue;
    const recentShare = r / recent.length;
    const earlierShare = e / earlier.length;
    shifts.push({ key, recentShare, earlierShare, change: recentShare - earlierShare });
  }
  const limit = options.limit ?? 5;
  const byChange = (a: KeyShift, b: KeyShift) => b.change - a.change || a.key.localeCompare(b.key);
  return {
    ...base,
    rising: shifts
      .filter((s) => s.change > 0)
      .sort(byChange)
      .slice(0, limit),
    falling: shifts
      .filter((s) => s.change < 0)
      .sort((a, b) => a.change - b.change || a.key.localeCompare(b.key))
      .slice(0, limit),
  };
}
