/**
 * `radar export site <dir> [--all] [--title T]`: the summarized papers (or every paper) as a
 * static site's markdown pages with front matter, plus an index; a re-run rewrites only pages whose
 * content changed.
 */
import { resolve } from 'node:path';
import { renderSiteIndex, renderSitePage } from '../../export/site-pages.ts';
import { loadPublishItems } from '../../publish/publish-items.ts';
import { writeSite } from '../../store/site-export.ts';
import type { Stores } from '../../store/stores.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface ExportSiteFlags {
  all?: boolean;
  title?: string;
}

async function selectIds(stores: Pick<Stores, 'summaries' | 'papers'>, all: boolean): Promise<string[]> {
  if (!all) return (await stores.summaries.readAll()).map((s) => s.id);
  return (await stores.papers.readAll()).map((p) => p.id);
}

export async function runExportSite(
  ctx: CommandContext,
  dir: string,
  flags: ExportSiteFlags,
  out: (line: string) => void,
): Promise<number> {
  const target = resolve(ctx.cwd, dir);
  const items = await withStateLock(ctx, 'export', async () => {
    const ids = await selectIds(ctx.stores, flags.all === true);
    const loaded = await loadPublishItems(ctx.stores, { ids, published: new Set(), retry: [], today: '' });
    return loaded.items;
  });
  const files = [...items.map(renderSitePage), renderSiteIndex(items, flags.title ?? 'Research radar')];
  const counts = await writeSite(target, files);
  out(
    `site: ${items.length} papers in ${target}: ${counts.written} files written, ${counts.unchanged} unchanged, ${counts.removed} removed`,
  );
  return 0;
}
