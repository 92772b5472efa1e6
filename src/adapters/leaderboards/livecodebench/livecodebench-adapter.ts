/**
 * LiveCodeBench (livecodebench.github.io `performances_generation.json`): per-problem pass@1 of
 * every model (`performances`), the models with their release dates, and the slider's
 * `date_marks`. As on the site, a model's score is its mean pass@1 over the problems dated inside
 * the default window (score-window.ts), and a model released on or after the window's start is
 * contaminated: shown, unranked. Models without a release date are not listed by the site;
 * a model with no problem in the window gets no row (the site would show 0).
 */
import { z } from 'zod';
import type { HttpClient } from '../../../http/http-client.ts';
import type { BoardAdapter } from '../../../leaderboards/board-adapter.ts';
import { BoardFormatError, fileName } from '../board-format-error.ts';
import { createBoardAdapter, type Files, type RowInput } from '../create-board-adapter.ts';
import { huggingFaceId } from '../evalplus/evalplus-adapter.ts';
import { isoDay, parseJsonFile, percent } from '../parse-file.ts';
import { defaultWindow, passAt1 } from './score-window.ts';

const TITLE = 'LiveCodeBench';

const File = z.looseObject({
  performances: z.array(
    z.looseObject({
      model: z.string(),
      date: z.number(),
      difficulty: z.string(),
      'pass@1': z.number(),
    }),
  ),
  models: z.array(
    z.looseObject({
      model_name: z.string().nullish(),
      model_repr: z.string().min(1),
      release_date: z.number().nullish(),
      link: z.string().nullish(),
    }),
  ),
  date_marks: z.array(z.number()),
});

function parseLivecodebench(files: Files): RowInput[] {
  const rows: RowInput[] = [];
  for (const [url, bytes] of files) {
    const data = parseJsonFile(TITLE, url, bytes, File);
    const window = defaultWindow(data.date_marks);
    if (!window) throw new BoardFormatError(TITLE, fileName(url), 'date_marks', 'fewer than two marks');
    const inWindow = data.performances.filter((p) => p.date >= window.start && p.date <= window.end);
    for (const model of data.models) {
      if (!model.release_date) continue;
      const mine = inWindow.filter((p) => p.model === model.model_repr);
      if (mine.length === 0) continue;
      const by = (difficulty: string) =>
        passAt1(mine.filter((p) => p.difficulty === difficulty).map((p) => p['pass@1']));
      const hf = huggingFaceId(model.link);
      const refs = [model.model_repr, model.model_name, hf].filter((r): r is string => !!r);
      rows.push({
        board: 'livecodebench',
        subboard: 'overall',
        entryKey: model.model_repr,
        displayName: model.model_repr,
        modelRefs: [...new Set(refs)],
        score: percent(
          TITLE,
          fileName(url),
          `${model.model_repr} pass@1`,
          passAt1(mine.map((p) => p['pass@1'])),
        ),
        date: isoDay(model.release_date),
        flags: { contaminated: model.release_date >= window.start },
        metrics: {
          easyPass: by('easy'),
          mediumPass: by('medium'),
          hardPass: by('hard'),
          problems: mine.length,
          windowStartMs: window.start,
          windowEndMs: window.end,
        },
      });
    }
  }
  return rows;
}

export function createLivecodebenchAdapter(http: HttpClient): BoardAdapter {
  return createBoardAdapter(http, {
    board: 'livecodebench',
    title: TITLE,
    needsKey: false,
    displayPrecision: 0.1,
    plan: (url) => [url],
    parse: parseLivecodebench,
  });
}
