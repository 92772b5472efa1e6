/**
 * BigCodeBench (bigcode-bench.github.io): `results-hard.json` (the Hard set, the site's default)
 * and `results.json` (the Full set), each `{model: {link, pass@1: {complete, instruct}, size,
 * date, …}}`. The site shows complete, instruct and their average rounded to one decimal
 * (index.html `calcAverage`, null unless both exist); the radar keeps all three per set.
 * Both files are read next to the configured URL.
 */
import { z } from 'zod';
import type { HttpClient } from '../../../http/http-client.ts';
import type { BoardAdapter } from '../../../leaderboards/board-adapter.ts';
import { fileName } from '../board-format-error.ts';
import { createBoardAdapter, type Files, type RowInput, sibling } from '../create-board-adapter.ts';
import { huggingFaceId } from '../evalplus/evalplus-adapter.ts';
import { isoDay, parseJsonFile, percent } from '../parse-file.ts';

const TITLE = 'BigCodeBench';

const Entry = z.looseObject({
  link: z.string().nullish(),
  'pass@1': z.looseObject({ complete: z.number().nullish(), instruct: z.number().nullish() }),
  size: z.number().nullish(),
  date: z.string().nullish(),
});
const File = z.record(z.string(), Entry);

/** The site's average of complete and instruct. */
function bigcodebenchAverage(complete: number | null | undefined, instruct: number | null | undefined) {
  if (complete === null || complete === undefined || instruct === null || instruct === undefined) return null;
  return Number(((complete + instruct) / 2).toFixed(1));
}

function parseBigcodebench(files: Files): RowInput[] {
  const rows: RowInput[] = [];
  for (const [url, bytes] of files) {
    const set = /hard/i.test(fileName(url)) ? 'hard' : 'full';
    const file = parseJsonFile(TITLE, url, bytes, File);
    for (const [model, entry] of Object.entries(file)) {
      const scores = entry['pass@1'];
      const splits: Array<[string, number | null | undefined]> = [
        ['complete', scores.complete],
        ['instruct', scores.instruct],
        ['average', bigcodebenchAverage(scores.complete, scores.instruct)],
      ];
      const hf = huggingFaceId(entry.link);
      for (const [split, value] of splits) {
        if (value === null || value === undefined) continue;
        const subboard = `${set}-${split}`;
        rows.push({
          board: 'bigcodebench',
          subboard,
          entryKey: `${subboard}/${model}`,
          displayName: model,
          modelRefs: hf ? [model, hf] : [model],
          score: percent(TITLE, fileName(url), `${model}.pass@1.${split}`, value),
          date: isoDay(entry.date),
          metrics: entry.size ? { sizeB: entry.size } : {},
        });
      }
    }
  }
  return rows;
}

export function createBigcodebenchAdapter(http: HttpClient): BoardAdapter {
  return createBoardAdapter(http, {
    board: 'bigcodebench',
    title: TITLE,
    needsKey: false,
    displayPrecision: 0.1,
    plan: (url) => [sibling(url, 'results-hard.json'), sibling(url, 'results.json')],
    parse: parseBigcodebench,
  });
}
