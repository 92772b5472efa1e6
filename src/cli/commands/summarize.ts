/**
 * `radar summarize [--ids …] [--all] [--date D] [--force]`: structured summaries of the given
 * papers, of all papers without one (`--all`), or of a day's picks (default: the latest pick set).
 */
import { parseArxivId } from '../../core/arxiv-id.ts';
import { UsageError } from '../../core/errors.ts';
import { dayFlag } from '../../core/iso-day.ts';
import { localDay } from '../../core/local-day.ts';
import { summarizeAndRelate } from '../../digest/digest-job.ts';
import type { SummarizeResult } from '../../digest/summarize.ts';
import { createDigestLlm, type DigestWiring } from '../../digest/summarize-deps.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface SummarizeFlags {
  ids?: string;
  all?: boolean;
  date?: string;
  force?: boolean;
}

export function parseIdList(raw: string): string[] {
  const parts = raw.split(/[\s,]+/).filter((p) => p !== '');
  const bad = parts.filter((p) => parseArxivId(p) === undefined);
  if (parts.length === 0 || bad.length > 0)
    throw new UsageError(
      `--ids takes arXiv ids separated by commas${bad.length > 0 ? `; not ids: ${bad.join(', ')}` : ''}`,
    );
  return [...new Set(parts.map((p) => parseArxivId(p)?.id ?? p))];
}

async function candidates(
  ctx: CommandContext,
  flags: SummarizeFlags,
): Promise<{ ids: string[]; what: string }> {
  if (flags.ids !== undefined) return { ids: parseIdList(flags.ids), what: 'given papers' };
  if (flags.all === true) {
    const [papers, summaries] = await Promise.all([
      ctx.stores.papers.readAll(),
      ctx.stores.summaries.readAll(),
    ]);
    const done = new Set(summaries.map((s) => s.id));
    return { ids: papers.map((p) => p.id).filter((id) => !done.has(id)), what: 'papers without a summary' };
  }
  if (flags.date !== undefined) dayFlag('--date', flags.date);
  // Default: the latest pick set, so `radar rank` then `radar summarize` chain whatever the day.
  const store = ctx.stores.picks;
  const date =
    flags.date ?? (await store.latestDate()) ?? localDay(new Date(), ctx.loaded.config.schedule.timezone);
  const picks = await store.forDate(date);
  return { ids: [...new Set(picks.map((p) => p.id))], what: `picks of ${date}` };
}

export function formatSummarizeResult(result: SummarizeResult): string[] {
  const lines = [
    `summarized ${result.summarized.length} (${result.extractive.length} extractive), skipped ${result.skipped.length} (already summarized), failed ${result.failed.length}`,
  ];
  for (const f of result.failed) lines.push(`  failed ${f.id}: ${f.error}`);
  if (result.extractive.length > result.fallback.length)
    lines.push('  no LLM configured for "summarize": extractive summaries from the abstracts');
  if (result.fallback.length > 0)
    lines.push(
      `  ${result.fallback.length} LLM summaries failed: extractive ones from the abstracts instead, with a note`,
    );
  return lines;
}

export async function runSummarize(
  ctx: CommandContext,
  flags: SummarizeFlags,
  out: (line: string) => void,
): Promise<number> {
  return withStateLock(ctx, 'summarize', async () => {
    const { ids, what } = await candidates(ctx, flags);
    if (ids.length === 0) {
      out(`nothing to summarize (${what}: none)`);
      return 0;
    }
    const wiring: DigestWiring = {
      config: ctx.loaded.config,
      env: ctx.env,
      stores: ctx.stores,
      stateDir: ctx.stateDir,
      logger: ctx.logger,
      cwd: ctx.cwd,
    };
    const { summaries: result, related } = await summarizeAndRelate(wiring, createDigestLlm(wiring), ids, {
      force: flags.force === true,
    });
    for (const line of formatSummarizeResult(result)) out(line);
    if (related) {
      out(
        related.skippedReason
          ? `related papers: none (${related.skippedReason})`
          : `related papers: ${related.links} links for ${related.papers} papers (${related.llmCalls} LLM calls)`,
      );
    }
    return result.failed.length > 0 ? 1 : 0;
  });
}
