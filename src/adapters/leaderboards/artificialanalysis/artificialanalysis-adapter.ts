/**
 * Artificial Analysis (`GET /api/v2/data/llms/models`, key in the `x-api-key` header; without a
 * key the board is skipped): `{status, data: [{id, name, slug, release_date, model_creator,
 * evaluations: {artificial_analysis_intelligence_index, …_coding_index, …_math_index, …},
 * pricing: {price_1m_blended_3_to_1, price_1m_input_tokens, price_1m_output_tokens},
 * median_output_tokens_per_second, median_time_to_first_token_seconds}]}`. One row per model
 * and index (`intelligence` always, with a null score when the model has none; `coding`, `math`
 * when given); every row carries the speed and price metrics. AA's ids are the stable keys.
 */
import { z } from 'zod';
import type { HttpClient } from '../../../http/http-client.ts';
import type { BoardAdapter } from '../../../leaderboards/board-adapter.ts';
import { fileName } from '../board-format-error.ts';
import { createBoardAdapter, type Files, type RowInput } from '../create-board-adapter.ts';
import { isoDay, parseJsonFile, percent } from '../parse-file.ts';

const TITLE = 'Artificial Analysis';

const num = z.number().nullish();
const Model = z.looseObject({
  id: z.string().min(1),
  name: z.string().min(1),
  slug: z.string().nullish(),
  release_date: z.string().nullish(),
  model_creator: z.looseObject({ name: z.string().nullish(), slug: z.string().nullish() }).nullish(),
  evaluations: z.record(z.string(), z.number().nullable()).nullish(),
  pricing: z
    .looseObject({ price_1m_blended_3_to_1: num, price_1m_input_tokens: num, price_1m_output_tokens: num })
    .nullish(),
  median_output_tokens_per_second: num,
  median_time_to_first_token_seconds: num,
});
const File = z.looseObject({ data: z.array(Model) });

const INDEXES = [
  ['intelligence', 'artificial_analysis_intelligence_index'],
  ['coding', 'artificial_analysis_coding_index'],
  ['math', 'artificial_analysis_math_index'],
] as const;

function metricsOf(m: z.infer<typeof Model>): Record<string, number> {
  const pairs: Array<[string, number | null | undefined]> = [
    ['outputTokensPerSecond', m.median_output_tokens_per_second],
    ['ttftSeconds', m.median_time_to_first_token_seconds],
    ['priceBlendedPerM', m.pricing?.price_1m_blended_3_to_1],
    ['priceInPerM', m.pricing?.price_1m_input_tokens],
    ['priceOutPerM', m.pricing?.price_1m_output_tokens],
  ];
  return Object.fromEntries(pairs.filter((p): p is [string, number] => typeof p[1] === 'number'));
}

function parseArtificialanalysis(files: Files): RowInput[] {
  const rows: RowInput[] = [];
  for (const [url, bytes] of files) {
    parseJsonFile(TITLE, url, bytes, File).data.forEach((m, i) => {
      const creator = m.model_creator?.slug;
      const refs = [m.slug, creator && m.slug ? `${creator}/${m.slug}` : undefined, m.name];
      const metrics = metricsOf(m);
      for (const [subboard, field] of INDEXES) {
        const value = m.evaluations?.[field] ?? null;
        if (value === null && subboard !== 'intelligence') continue;
        rows.push({
          board: 'artificialanalysis',
          subboard,
          entryKey: `${subboard}/${m.id}`,
          displayName: m.name,
          modelRefs: [...new Set(refs.filter((r): r is string => !!r))],
          score:
            value === null ? null : percent(TITLE, fileName(url), `data.${i}.evaluations.${field}`, value),
          date: isoDay(m.release_date),
          metrics,
        });
      }
    });
  }
  return rows;
}

export function createArtificialanalysisAdapter(http: HttpClient): BoardAdapter {
  return createBoardAdapter(http, {
    board: 'artificialanalysis',
    title: TITLE,
    needsKey: true,
    displayPrecision: 0.1,
    plan: (url) => [url],
    headers: (options) => (options.apiKey ? { 'x-api-key': options.apiKey } : {}),
    parse: parseArtificialanalysis,
  });
}
