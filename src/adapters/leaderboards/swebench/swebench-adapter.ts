/**
 * SWE-bench (swe-bench.github.io `data/leaderboards.json`): `{leaderboards: [{name, results}]}`;
 * the radar reads Verified, Lite and bash-only. As on the site (js/mainResults.js), an entry
 * with a `warning` is not shown: it stays in the rows, flagged hidden. `checked` (older files:
 * `verified`) marks runs done or verified by the SWE-bench team. The folder names the entry.
 */
import { z } from 'zod';
import type { HttpClient } from '../../../http/http-client.ts';
import type { BoardAdapter } from '../../../leaderboards/board-adapter.ts';
import { fileName } from '../board-format-error.ts';
import { createBoardAdapter, type Files, type RowInput } from '../create-board-adapter.ts';
import { parseJsonFile, percent } from '../parse-file.ts';

const TITLE = 'SWE-bench';

/** The site's board name → the radar's subboard. */
const SWEBENCH_SUBBOARDS: Readonly<Record<string, string>> = {
  Verified: 'verified',
  Lite: 'lite',
  'bash-only': 'bash-only',
};

const Result = z.looseObject({
  name: z.string().min(1),
  folder: z.string().min(1),
  resolved: z.coerce.number(),
  date: z.string().nullish(),
  checked: z.union([z.boolean(), z.string()]).nullish(),
  verified: z.union([z.boolean(), z.string()]).nullish(),
  warning: z.unknown().optional(),
  tags: z.array(z.string()).nullish(),
  instance_cost: z.number().nullish(),
});

const File = z.looseObject({
  leaderboards: z.array(z.looseObject({ name: z.string(), results: z.array(Result) })),
});

/**
 * `checked` is a boolean, or in some entries the text "false (See README.md for info on how to
 * get your results verified)": the site's truthiness test would badge those, but they say false.
 */
function isChecked(value: boolean | string | null | undefined): boolean {
  if (typeof value === 'string') return /^\s*true\b/i.test(value);
  return value === true;
}

/** `Model: Claude 4.5 Opus` tags name the models behind an agent. */
function modelTags(tags: readonly string[] | null | undefined): string[] {
  return (tags ?? []).filter((t) => t.startsWith('Model: ')).map((t) => t.slice('Model: '.length).trim());
}

function parseSwebench(files: Files): RowInput[] {
  const rows: RowInput[] = [];
  for (const [url, bytes] of files) {
    const file = parseJsonFile(TITLE, url, bytes, File);
    file.leaderboards.forEach((board, b) => {
      const subboard = SWEBENCH_SUBBOARDS[board.name];
      if (!subboard) return;
      board.results.forEach((r, i) => {
        const models = modelTags(r.tags);
        rows.push({
          board: 'swebench',
          subboard,
          entryKey: `${subboard}/${r.folder}`,
          displayName: r.name,
          modelRefs: [...new Set([r.name, ...models].filter((m) => m.length > 0))],
          score: percent(TITLE, fileName(url), `leaderboards.${b}.results.${i}.resolved`, r.resolved),
          date: r.date && /^\d{4}-\d{2}-\d{2}$/.test(r.date) ? r.date : null,
          flags: {
            hidden: r.warning !== undefined && r.warning !== null && r.warning !== false && r.warning !== '',
            checked: isChecked(r.checked ?? r.verified),
          },
          metrics: r.instance_cost ? { instanceCost: r.instance_cost } : {},
        });
      });
    });
  }
  return rows;
}

export function createSwebenchAdapter(http: HttpClient): BoardAdapter {
  return createBoardAdapter(http, {
    board: 'swebench',
    title: TITLE,
    needsKey: false,
    displayPrecision: 0.01,
    plan: (url) => [url],
    parse: parseSwebench,
  });
}
