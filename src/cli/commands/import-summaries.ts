/**
 * `radar import summaries <dir>`: one JSON file per paper from the previous digest, mapped to the
 * radar's summary schema (fields it has no place for kept in `extra`). Only papers of the state
 * take a summary; a summary the radar made with its LLM is never replaced.
 */
import { resolve } from 'node:path';
import type { StoredSummary } from '../../core/summary.ts';
import { decideSummary, type SummaryDecision, summaryFromRecord } from '../../import/summary-record.ts';
import { type JsonFile, listJsonFiles, readJsonFiles } from '../../store/import-json-files.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { createProgress } from '../progress.ts';

const BATCH = 1000;

interface Tally {
  counts: Record<SummaryDecision, number>;
  skipped: Map<string, { count: number; first: string }>;
}

function skip(tally: Tally, reason: string, file: string): void {
  const current = tally.skipped.get(reason);
  if (current) current.count += 1;
  else tally.skipped.set(reason, { count: 1, first: file });
}

async function importBatch(ctx: CommandContext, batch: readonly JsonFile[], at: string, tally: Tally) {
  const papers = ctx.stores.papers;
  const summaries = ctx.stores.summaries;
  const parsed: Array<{ file: string; value: unknown; stem: string }> = [];
  for (const item of batch) {
    if (item.ok) parsed.push(item);
    else skip(tally, item.reason, item.file);
  }
  // The ids first (for the titles the slugs fall back on), then the records.
  const firstPass = parsed.map((p) => ({
    ...p,
    result: summaryFromRecord(p.value, { fileStem: p.stem, titleOf: () => undefined, fallbackAt: at }),
  }));
  const ids = firstPass.flatMap((p) => (p.result.ok ? [p.result.summary.id] : []));
  const known = await papers.get(ids);
  const existing = await summaries.get(ids);
  const changed: StoredSummary[] = [];
  for (const { file, value, stem, result: first } of firstPass) {
    if (!first.ok) {
      skip(tally, first.reason, file);
      continue;
    }
    const paper = known.get(first.summary.id);
    if (!paper) {
      skip(tally, 'not a paper of the state (import or collect its metadata first)', file);
      continue;
    }
    const result = summaryFromRecord(value, { fileStem: stem, titleOf: () => paper.title, fallbackAt: at });
    if (!result.ok) continue;
    const decision = decideSummary(existing.get(result.summary.id), result.summary);
    tally.counts[decision] += 1;
    if (decision === 'added' || decision === 'updated') changed.push(result.summary);
  }
  if (changed.length > 0) await summaries.upsert(changed);
}

export async function runImportSummaries(
  ctx: CommandContext,
  dir: string,
  out: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const files = await listJsonFiles(resolve(ctx.cwd, dir));
  const at = now().toISOString();
  const tally: Tally = { counts: { added: 0, updated: 0, unchanged: 0, kept: 0 }, skipped: new Map() };
  await withStateLock(ctx, 'import', async () => {
    const progress = await createProgress(ctx.logger, 'files');
    try {
      let batch: JsonFile[] = [];
      let done = 0;
      for await (const file of readJsonFiles(files)) {
        batch.push(file);
        if (batch.length < BATCH) continue;
        await importBatch(ctx, batch, at, tally);
        done += batch.length;
        batch = [];
        progress.update('summaries', done, files.length);
      }
      await importBatch(ctx, batch, at, tally);
      progress.update('summaries', files.length, files.length);
    } finally {
      progress.stop();
    }
  });
  const { counts } = tally;
  out(
    `summaries from ${files.length} files: ${counts.added} added, ${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.kept} kept (the radar's own LLM summary)`,
  );
  for (const [reason, { count, first }] of tally.skipped)
    out(`  skipped ${count} × ${reason} (first: ${first})`);
  return 0;
}
