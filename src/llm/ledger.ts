/**
 * Records every LLM call in the ledger and answers "how much was spent on this day" from it.
 * Appends are serialized (concurrent calls finish together), and each day's total is read from
 * disk once, then kept up to date in memory: this process is the only writer while it holds the
 * state lock.
 */
import { addDays, localDay } from '../core/local-day.ts';
import { type LedgerStore, ledgerMonth } from '../store/ledger-store.ts';
import type { LedgerEntry } from '../store/schemas.ts';

export interface Ledger {
  record(entry: LedgerEntry): Promise<void>;
  /** Dollars spent on `day` (YYYY-MM-DD in the ledger's time zone). */
  spentOn(day: string): Promise<number>;
}

/** The UTC months whose files may hold rows of a local day (time zones reach ±14 h). */
export function monthsOfDay(day: string): string[] {
  return [...new Set([addDays(day, -1), day, addDays(day, 1)].map((d) => ledgerMonth(`${d}T00:00:00Z`)))];
}

export function createLedger(deps: { store: LedgerStore }, options: { timezone: string }): Ledger {
  const totals = new Map<string, number>();
  let tail: Promise<unknown> = Promise.resolve();
  /** Appends and day reads run one at a time, in call order, so no row is counted twice or missed. */
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };

  const loadDay = async (day: string): Promise<number> => {
    const rows = await deps.store.readMonths(monthsOfDay(day));
    return rows
      .filter((row) => localDay(new Date(row.at), options.timezone) === day)
      .reduce((sum, row) => sum + row.costUsd, 0);
  };

  return {
    record: (entry) =>
      serial(async () => {
        await deps.store.append([entry]);
        const day = localDay(new Date(entry.at), options.timezone);
        const total = totals.get(day);
        if (total !== undefined) totals.set(day, total + entry.costUsd);
      }),
    spentOn: (day) =>
      serial(async () => {
        const total = totals.get(day) ?? (await loadDay(day));
        totals.set(day, total);
        return total;
      }),
  };
}
