/** `radar eval search bank import|list|export`: the versioned question bank. */
import { UsageError } from '../../core/errors.ts';
import { bankQrels, casesFromQrels } from '../../evals/search/bank-import.ts';
import { qrelsFromMap } from '../../evals/search/metrics/trec-qrels.ts';
import { openBeirCollection } from '../../store/beir-collection.ts';
import { createBankStore } from '../../store/eval-search-bank-store.ts';
import { readQrelsFile, writeQrelsFile } from '../../store/eval-search-trec-files.ts';
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';

export interface BankImportFlags {
  beir?: string;
  split?: string;
  qrels?: string;
}

export async function runBankImport(ctx: CommandContext, flags: BankImportFlags, out: Out): Promise<number> {
  if (flags.beir === undefined)
    throw new UsageError(
      'bank import needs --beir DIR (a BEIR collection; --qrels FILE to use TREC qrels for it)',
    );
  const collection = await openBeirCollection(flags.beir);
  const queries = await collection.queries();
  const qrels =
    flags.qrels === undefined
      ? await collection.qrels(flags.split ?? 'test')
      : (await readQrelsFile(flags.qrels)).byQuery;
  const cases = casesFromQrels(
    queries,
    qrels,
    flags.qrels === undefined ? `beir:${flags.split ?? 'test'}` : 'trec-qrels',
  );
  if (cases.length === 0) throw new UsageError('no query of the collection has judgments: nothing imported');
  const bank = await createBankStore(ctx.stateDir).write(cases);
  out(`bank ${bank.hash}: ${bank.cases.length} cases imported`);
  return 0;
}

export async function runBankList(ctx: CommandContext, flags: { bank?: string }, out: Out): Promise<number> {
  const store = createBankStore(ctx.stateDir);
  const bank = await store.read(flags.bank);
  out(`bank ${bank.hash}: ${bank.cases.length} cases (banks: ${(await store.list()).join(', ')})`);
  for (const c of bank.cases.slice(0, 50))
    out(
      `${c.id}\t${c.category}\t${c.difficulty}\t${c.validated ? '' : 'unvalidated\t'}${c.question.slice(0, 80)}`,
    );
  if (bank.cases.length > 50) out(`… ${bank.cases.length - 50} more`);
  return 0;
}

export async function runBankExport(
  ctx: CommandContext,
  flags: { bank?: string; qrels?: string },
  out: Out,
): Promise<number> {
  if (flags.qrels === undefined) throw new UsageError('bank export needs --qrels FILE');
  const bank = await createBankStore(ctx.stateDir).read(flags.bank);
  await writeQrelsFile(flags.qrels, qrelsFromMap(bankQrels(bank.cases)));
  out(`bank ${bank.hash}: qrels of ${bank.cases.length} cases → ${flags.qrels}`);
  return 0;
}
