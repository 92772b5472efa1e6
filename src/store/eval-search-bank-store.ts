/**
 * The question banks under `state/evals/search/banks/<hash>.jsonl`, one case a line, each bank
 * named by the hash of its content (so a changed bank is a new version, and a run names the
 * exact bank it ran). `banks/latest` holds the hash of the last bank written.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { BankCase, bankHash } from '../evals/search/bank-schema.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readJsonl } from './jsonl-file.ts';
import { readTextIfExists } from './read-text.ts';

export interface Bank {
  hash: string;
  cases: BankCase[];
}

export interface BankStore {
  readonly dir: string;
  write(cases: readonly BankCase[]): Promise<Bank>;
  /** A hash, a unique hash prefix, or `latest` (default). */
  read(ref?: string): Promise<Bank>;
  list(): Promise<string[]>;
}

/** The cases of a bank in their canonical form, and the hash that names them. */
export function canonicalBank(cases: readonly BankCase[]): Bank {
  const canonical = cases.map((c) => BankCase.parse(c));
  return { hash: bankHash(canonical), cases: canonical };
}

/**
 * The hash a bank reference names among the stored `hashes`: `latest` (the last bank written,
 * `latest` here, empty when none was) or a hash or a unique hash prefix; else a usage error.
 */
export function resolveBankRef(
  dir: string,
  ref: string,
  latest: string | undefined,
  hashes: readonly string[],
): string {
  let hash = ref;
  if (ref === 'latest') {
    hash = latest ?? '';
    if (hash === '')
      throw new UsageError(`no question bank yet in ${dir}: run radar eval search bank import first`);
  }
  const matches = hashes.filter((h) => h.startsWith(hash));
  if (matches.length !== 1)
    throw new UsageError(
      matches.length === 0
        ? `no question bank ${ref} in ${dir}`
        : `bank ${ref} is ambiguous: ${matches.join(', ')}`,
    );
  return matches[0] ?? hash;
}

export function searchEvalDir(stateDir: string): string {
  return join(stateDir, 'evals', 'search');
}

export function createBankStore(stateDir: string): BankStore {
  const dir = join(searchEvalDir(stateDir), 'banks');
  const list = async (): Promise<string[]> => {
    const names = await readdir(dir).catch(() => []);
    return names
      .filter((n) => /^[0-9a-f]{12}\.jsonl$/.test(n))
      .map((n) => n.slice(0, 12))
      .sort();
  };
  return {
    dir,
    list,
    async write(cases) {
      const bank = canonicalBank(cases);
      await writeFileAtomic(
        join(dir, `${bank.hash}.jsonl`),
        bank.cases.map((c) => `${JSON.stringify(c)}\n`).join(''),
      );
      await writeFileAtomic(join(dir, 'latest'), `${bank.hash}\n`);
      return bank;
    },
    async read(ref = 'latest') {
      const latest = ref === 'latest' ? (await readTextIfExists(join(dir, 'latest')))?.trim() : undefined;
      const found = resolveBankRef(dir, ref, latest, await list());
      return { hash: found, cases: await readJsonl(join(dir, `${found}.jsonl`), BankCase) };
    },
  };
}
