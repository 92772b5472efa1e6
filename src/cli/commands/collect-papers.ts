/** `radar collect papers`: fetch arXiv papers of a date window into the state directory. */
import { createArxivApiSource } from '../../adapters/arxiv/arxiv-source.ts';
import { createArxivOaiSource } from '../../adapters/arxiv/oai-source.ts';
import { UsageError } from '../../core/errors.ts';
import { createHttpClient } from '../../http/http-client.ts';
import { collectPapers } from '../../papers/collect.ts';
import { formatCounts } from '../../papers/collect-window.ts';
import type { PaperSource } from '../../papers/paper-source.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface CollectPapersFlags {
  since?: string;
  until?: string;
  categories?: string;
  oai?: boolean;
}

const CATEGORY = /^[a-z-]+(\.[A-Za-z-]+)?$/;

export function parseCategories(list: string | undefined, fallback: readonly string[]): string[] {
  if (list === undefined) return [...fallback];
  const categories = [
    ...new Set(
      list
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    ),
  ];
  const bad = categories.filter((c) => !CATEGORY.test(c));
  if (categories.length === 0 || bad.length > 0) {
    throw new UsageError(
      `--categories must be a comma-separated list such as cs.CL,cs.LG; bad: "${bad.join(', ') || list}"`,
    );
  }
  return categories;
}

function createSource(ctx: CommandContext, oai: boolean): PaperSource {
  const { arxiv } = ctx.loaded.config;
  const logger = ctx.logger.child({ module: 'arxiv' });
  const deps = { http: createHttpClient({ logger: ctx.logger.child({ module: 'http' }) }), logger };
  const common = { siteUrl: arxiv.siteUrl, requestIntervalSeconds: arxiv.requestIntervalSeconds };
  return oai
    ? createArxivOaiSource(deps, { ...common, oaiUrl: arxiv.oaiUrl })
    : createArxivApiSource(deps, { ...common, apiUrl: arxiv.apiUrl, pageSize: arxiv.pageSize });
}

export async function runCollectPapers(
  ctx: CommandContext,
  flags: CollectPapersFlags,
  out: (line: string) => void,
): Promise<number> {
  const { arxiv } = ctx.loaded.config;
  const categories = parseCategories(flags.categories, arxiv.categories);
  const result = await withStateLock(ctx, 'collect papers', () =>
    collectPapers(
      {
        source: createSource(ctx, flags.oai === true),
        papers: ctx.stores.papers,
        kv: ctx.stores.cursors,
        logger: ctx.logger.child({ module: 'collect-papers' }),
        now: () => new Date(),
      },
      { categories, firstRunDays: arxiv.firstRunDays, since: flags.since, until: flags.until },
    ),
  );
  out(formatCounts(result, result.window, result.categories));
  if (result.skipped > 0)
    out(`skipped ${result.skipped} record(s) arXiv sent that were not valid papers (see the log)`);
  if (result.reason !== undefined) out(result.reason);
  return 0;
}
