/** `radar fetch-text <id…>`: fetch, convert and cache the full text of papers; print each one's route and size. */
import { parseArxivId } from '../../core/arxiv-id.ts';
import { UsageError } from '../../core/errors.ts';
import { type FetchTextResult, fetchTexts } from '../../fulltext/fetch-text.ts';
import { selectLatexConverter } from '../../fulltext/latex/latex-converter.ts';
import { createPandocConverter, findOnPath } from '../../fulltext/latex/pandoc.ts';
import { createSiteRoutes } from '../../fulltext/routes/site-routes.ts';
import { createHttpClient } from '../../http/http-client.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface FetchTextFlags {
  force?: boolean;
}

function parseIds(raw: readonly string[]): string[] {
  if (raw.length === 0) throw new UsageError('give at least one arXiv id, e.g. radar fetch-text 2511.01234');
  const bad = raw.filter((r) => parseArxivId(r) === undefined);
  if (bad.length > 0) throw new UsageError(`not arXiv ids: ${bad.join(', ')}`);
  return [...new Set(raw.map((r) => parseArxivId(r)?.id ?? r))];
}

function formatResult(result: FetchTextResult): string {
  if (!result.ok) return `${result.id}  failed  ${result.error}`;
  const { text } = result;
  const note = text.cached ? '  (cached)' : '';
  return `${result.id}  ${text.route}  ${text.chars.toLocaleString('en-US')} chars${note}`;
}

export async function runFetchText(
  ctx: CommandContext,
  rawIds: readonly string[],
  flags: FetchTextFlags,
  out: (line: string) => void,
): Promise<number> {
  const ids = parseIds(rawIds);
  const { arxiv } = ctx.loaded.config;
  const logger = ctx.logger.child({ module: 'fulltext' });
  const http = createHttpClient({ logger: ctx.logger.child({ module: 'http' }) });
  const converter = selectLatexConverter({
    pandocPath: findOnPath('pandoc', ctx.env.raw.PATH),
    createPandoc: (path) => createPandocConverter(path),
    logger,
  });
  const routes = createSiteRoutes(
    { http, converter, logger },
    { siteUrl: arxiv.siteUrl, requestIntervalSeconds: arxiv.requestIntervalSeconds },
  );
  const results = await withStateLock(ctx, 'fetch-text', () =>
    fetchTexts(
      {
        routes,
        store: ctx.stores.fulltext,
        papers: ctx.stores.papers,
        logger,
        now: () => new Date(),
      },
      ids,
      { force: flags.force === true },
    ),
  );
  for (const result of results) out(formatResult(result));
  return results.every((r) => r.ok) ? 0 : 1;
}
