/**
 * LiveBench (livebench.ai): the release's per-task table `table_<date>.csv` (one row per model,
 * one column per task, blank where not run) and `categories_<date>.json` (category → tasks).
 * Rows: the global average (`overall`) and each category's average, by the site's rules
 * (livebench-average.ts). The configured URL is the site (the release date is read from its app,
 * release-date.ts) or, to pin a release, a `table_<date>.csv` URL.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import type { HttpClient } from '../../../http/http-client.ts';
import type { BoardAdapter } from '../../../leaderboards/board-adapter.ts';
import { BoardFormatError, fileName } from '../board-format-error.ts';
import {
  createBoardAdapter,
  type Files,
  type PlanContext,
  type RowInput,
  sibling,
} from '../create-board-adapter.ts';
import { decodeText, parseJsonFile, percent, pickFile } from '../parse-file.ts';
import { type Categories, categoryAverage, globalAverage, round2 } from './livebench-average.ts';
import { bundlePath, LiveBenchReleaseError, releaseDate, releaseStem } from './release-date.ts';

const TITLE = 'LiveBench';
const TABLE = /table_(\d{4}_\d{2}_\d{2})\.csv$/;
const CategoriesFile = z.record(z.string(), z.array(z.string()));
const TableRows = z.array(z.record(z.string(), z.string()));

function categorySlug(category: string): string {
  return category
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function readTable(url: string, bytes: Uint8Array): Array<Record<string, string>> {
  let records: unknown;
  try {
    // Rows of models not run on the last tasks end early (the site's parser reads them as blanks).
    records = parseCsv(decodeText(bytes), {
      columns: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
    });
  } catch (error) {
    throw new BoardFormatError(
      TITLE,
      fileName(url),
      '(csv)',
      error instanceof Error ? error.message : 'unreadable',
    );
  }
  const rows = TableRows.safeParse(records);
  if (!rows.success) throw new BoardFormatError(TITLE, fileName(url), '(csv)', 'not a table with a header');
  if (rows.data.length > 0 && !('model' in (rows.data[0] ?? {}))) {
    throw new BoardFormatError(TITLE, fileName(url), 'model', 'the table has no model column');
  }
  return rows.data;
}

function parseLivebench(files: Files): RowInput[] {
  const [tableUrl, tableBytes] = pickFile(TITLE, files, 'table_<date>.csv', (u) => TABLE.test(u));
  const [catUrl, catBytes] = pickFile(TITLE, files, 'categories_<date>.json', (u) =>
    /categories_[\d_]+\.json$/.test(u),
  );
  const categories: Categories = parseJsonFile(TITLE, catUrl, catBytes, CategoriesFile);
  const table = readTable(tableUrl, tableBytes);
  const file = fileName(tableUrl);
  const rows: RowInput[] = [];
  table.forEach((row, i) => {
    const model = row.model?.trim();
    if (!model) throw new BoardFormatError(TITLE, file, `row ${i + 2}.model`, 'empty');
    const base = { board: 'livebench' as const, displayName: model, modelRefs: [model] };
    const overall = globalAverage(row, categories);
    if (!Number.isNaN(overall)) {
      const score = percent(TITLE, file, `${model}.global average`, round2(overall));
      rows.push({ ...base, subboard: 'overall', entryKey: `overall/${model}`, score });
    }
    for (const [category, tasks] of Object.entries(categories)) {
      const average = categoryAverage(row, tasks);
      if (Number.isNaN(average)) continue;
      const subboard = categorySlug(category);
      const score = percent(TITLE, file, `${model}.${category} average`, round2(average));
      rows.push({ ...base, subboard, entryKey: `${subboard}/${model}`, score });
    }
  });
  return rows;
}

/** The release's two files, from the site's app when the URL is the site. */
async function planLivebench(url: string, context: PlanContext): Promise<string[]> {
  const pinned = TABLE.exec(url);
  if (pinned?.[1]) return [url, sibling(url, `categories_${pinned[1]}.json`)];
  const signal = context.signal ? { signal: context.signal } : {};
  const operation = `${TITLE} site`;
  const index = await context.http.getText(url, { operation, ...signal });
  const bundle = bundlePath(index);
  if (!bundle)
    throw new LiveBenchReleaseError(`${TITLE}: ${url} does not name the app bundle (static/js/main.*.js)`);
  const bundleUrl = sibling(url, bundle);
  const date = releaseDate(await context.http.getText(bundleUrl, { operation, ...signal }));
  if (!date)
    throw new LiveBenchReleaseError(`${TITLE}: no release date (useState("YYYY-MM-DD")) in ${bundleUrl}`);
  const stem = releaseStem(date);
  return [sibling(url, `table_${stem}.csv`), sibling(url, `categories_${stem}.json`)];
}

export function createLivebenchAdapter(http: HttpClient): BoardAdapter {
  return createBoardAdapter(http, {
    board: 'livebench',
    title: TITLE,
    needsKey: false,
    displayPrecision: 0.01,
    plan: planLivebench,
    parse: parseLivebench,
  });
}
