/**
 * EvalPlus (evalplus.github.io `results.json`): `{model: {link, open-data, pass@1: {humaneval,
 * humaneval+, mbpp, mbpp+}, prompted, size}}`. The radar keeps the two plus tables; a null score
 * means the model was not run on that table (the site leaves it out), so no row.
 */
import { z } from 'zod';
import type { HttpClient } from '../../../http/http-client.ts';
import type { BoardAdapter } from '../../../leaderboards/board-adapter.ts';
import { fileName } from '../board-format-error.ts';
import { createBoardAdapter, type Files, type RowInput } from '../create-board-adapter.ts';
import { parseJsonFile, percent } from '../parse-file.ts';

const TITLE = 'EvalPlus';
const TABLES = ['humaneval+', 'mbpp+'] as const;

const Entry = z.looseObject({
  link: z.string().nullish(),
  'pass@1': z.record(z.string(), z.number().nullable()),
  prompted: z.boolean().nullish(),
  size: z.number().nullish(),
});
const File = z.record(z.string(), Entry);

/** `https://huggingface.co/infly/OpenCoder-8B-Instruct` → `infly/OpenCoder-8B-Instruct`. */
export function huggingFaceId(link: string | null | undefined): string | undefined {
  const match = /^https?:\/\/huggingface\.co\/([^/\s?#]+\/[^/\s?#]+)/.exec(link ?? '');
  return match?.[1];
}

function parseEvalplus(files: Files): RowInput[] {
  const rows: RowInput[] = [];
  for (const [url, bytes] of files) {
    const file = parseJsonFile(TITLE, url, bytes, File);
    for (const [model, entry] of Object.entries(file)) {
      const hf = huggingFaceId(entry.link);
      for (const table of TABLES) {
        const value = entry['pass@1'][table];
        if (value === null || value === undefined) continue;
        rows.push({
          board: 'evalplus',
          subboard: table,
          entryKey: `${table}/${model}`,
          displayName: model,
          modelRefs: hf ? [model, hf] : [model],
          score: percent(TITLE, fileName(url), `${model}.pass@1.${table}`, value),
          metrics: entry.size ? { sizeB: entry.size } : {},
        });
      }
    }
  }
  return rows;
}

export function createEvalplusAdapter(http: HttpClient): BoardAdapter {
  return createBoardAdapter(http, {
    board: 'evalplus',
    title: TITLE,
    needsKey: false,
    displayPrecision: 0.1,
    plan: (url) => [url],
    parse: parseEvalplus,
  });
}
