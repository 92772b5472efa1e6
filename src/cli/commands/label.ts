/**
 * `radar label <id…> up|down|clear` and `radar label import <file.csv>`: feedback without Notion
 * or chat. Every id must be a paper of the state; otherwise nothing is written.
 */
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { type LabelRequest, requestsFromArgs, requestsFromCsv, toChanges } from '../../rank/label-changes.ts';
import type { PapersStore } from '../../store/papers-store.ts';
import { readTextIfExists } from '../../store/read-text.ts';
import { type CommandContext, withStateLock } from '../context.ts';

async function requestsOf(
  ctx: CommandContext,
  args: readonly string[],
): Promise<{ requests: LabelRequest[]; source: 'cli' | 'import' }> {
  if (args[0] !== 'import') return { requests: requestsFromArgs(args), source: 'cli' };
  if (args.length !== 2) throw new UsageError('usage: radar label import <file.csv>');
  const file = resolve(ctx.cwd, args[1] ?? '');
  const text = await readTextIfExists(file);
  if (text === undefined) throw new UsageError(`${file}: no such file`);
  return { requests: requestsFromCsv(text, file), source: 'import' };
}

/** Labels only papers of the state: any unknown id refuses the whole request, nothing written. */
export async function checkKnownPapers(
  papers: PapersStore,
  requests: readonly { id: string }[],
): Promise<void> {
  const known = await papers.get(requests.map((r) => r.id));
  const unknown = [...new Set(requests.map((r) => r.id).filter((id) => !known.has(id)))];
  if (unknown.length > 0)
    throw new UsageError(`unknown papers (collect them first), nothing written: ${unknown.join(', ')}`);
}

export async function runLabel(
  ctx: CommandContext,
  args: readonly string[],
  out: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const { requests, source } = await requestsOf(ctx, args);
  return withStateLock(ctx, 'label', async () => {
    await checkKnownPapers(ctx.stores.papers, requests);
    const changed = await ctx.stores.labels.apply(toChanges(requests, source, now().toISOString()));
    const counts = { up: 0, down: 0, clear: 0 };
    for (const r of requests) counts[r.action] += 1;
    out(
      `labels: ${counts.up} up, ${counts.down} down, ${counts.clear} cleared; ${changed} changed (source ${source})`,
    );
    return 0;
  });
}
