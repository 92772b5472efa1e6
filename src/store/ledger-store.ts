/**
 * The LLM cost ledger: `ledger/<YYMM>.jsonl`, one row per call, appended in call order and
 * sharded by the UTC month of the call.
 */
import { appendJsonl, readJsonl } from './jsonl-file.ts';
import { listDir } from './list-dir.ts';
import { statePaths } from './paths.ts';
import { LedgerEntry } from './schemas.ts';

export interface LedgerStore {
  append(entries: readonly LedgerEntry[]): Promise<void>;
  /** Rows of the given months (`2511`), in file order; a missing month is empty. */
  readMonths(months: readonly string[]): Promise<LedgerEntry[]>;
  /** Months that have a ledger file, ascending. */
  months(): Promise<string[]>;
}

/** `2026-11-21T…Z` → `2611`. */
export function ledgerMonth(at: string): string {
  return `${at.slice(2, 4)}${at.slice(5, 7)}`;
}

export function createLedgerStore(stateDir: string, onTorn?: (file: string) => void): LedgerStore {
  const paths = statePaths(stateDir);
  return {
    async append(entries) {
      const byMonth = new Map<string, LedgerEntry[]>();
      for (const entry of entries) {
        const valid = LedgerEntry.parse(entry);
        const month = ledgerMonth(new Date(valid.at).toISOString());
        byMonth.set(month, [...(byMonth.get(month) ?? []), valid]);
      }
      for (const [month, rows] of byMonth) await appendJsonl(paths.ledgerShard(month), rows);
    },
    async readMonths(months) {
      const unique = [...new Set(months)].sort();
      const rows = await Promise.all(unique.map((m) => readJsonl(paths.ledgerShard(m), LedgerEntry, onTorn)));
      return rows.flat();
    },
    async months() {
      return (await listDir(paths.ledgerDir))
        .map((name) => /^(\d{4})\.jsonl$/.exec(name)?.[1])
        .filter((m): m is string => m !== undefined)
        .sort();
    },
  };
}
