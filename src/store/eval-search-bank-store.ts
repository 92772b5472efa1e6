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
      const canonical = cases.map((c) => BankCase.parse(c));
      const hash = bankHash(canonical);
      await writeFileAtomic(
        join(dir, `${hash}.jsonl`),
        canonical.map((c) => `${JSON.stringify(c)}\n`).join(''),
      );
      await writeFileAtomic(join(dir, 'latest'), `${hash}\n`);
      return { hash, cases: canonical };
    },
    async read(ref = 'latest') {
      let hash = ref;
      if (ref === 'latest') {
        hash = (await readTextIfExists(join(dir, 'latest')))?.trim() ?? '';
        if (hash === '')
          throw new UsageError(`no question bank yet in ${dir}: run radar eval search bank import first`);
      }
      const matches = (await list()).filter((h) => h.startsWith(hash));
      if (matches.length !== 1)
        throw new UsageError(
          matches.length === 0
            ? `no question bank ${ref} in ${dir}`
            : `bank ${ref} is ambiguous: ${matches.join(', ')}`,
        );
      const found = matches[0] ?? hash;
      return { hash: found, cases: await readJsonl(join(dir, `${found}.jsonl`), BankCase) };
    },
  };
}
