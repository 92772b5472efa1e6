/**
 * OpenRouter's model list (`GET /api/v1/models`): `{data: [{id, canonical_slug, hugging_face_id,
 * name, created, context_length, pricing: {prompt, completion, …}, top_provider}]}`. Prices are
 * USD per token as decimal strings; the rows carry them per 1M tokens. No score: the rows feed
 * the value ranking. Two kinds of price are not a price and are flagged in the metrics so value
 * rankings can drop them: "-1" (routers such as openrouter/auto, priced per request by the model
 * they pick: `dynamicPrice: 1`, no price metrics) and free variants (`:free` ids or zero prices:
 * `free: 1`).
 */
import { z } from 'zod';
import type { HttpClient } from '../../../http/http-client.ts';
import type { BoardAdapter } from '../../../leaderboards/board-adapter.ts';
import { BoardFormatError, fileName } from '../board-format-error.ts';
import { createBoardAdapter, type Files, type RowInput } from '../create-board-adapter.ts';
import { isoDay, parseJsonFile } from '../parse-file.ts';

const TITLE = 'OpenRouter';
const PER_MILLION = 1_000_000;

const Model = z.looseObject({
  id: z.string().min(1),
  canonical_slug: z.string().nullish(),
  hugging_face_id: z.string().nullish(),
  name: z.string().min(1),
  created: z.number().nullish(),
  context_length: z.number().nullish(),
  pricing: z.looseObject({ prompt: z.string(), completion: z.string() }),
});
const File = z.looseObject({ data: z.array(Model) });

/** USD per token as text → per 1M tokens, rounded off float noise (0.00003 → 30). */
function perMillion(board: string, file: string, field: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0)
    throw new BoardFormatError(board, file, field, `"${text}" is not a price`);
  return Number((value * PER_MILLION).toPrecision(12));
}

function parseOpenrouter(files: Files): RowInput[] {
  const rows: RowInput[] = [];
  for (const [url, bytes] of files) {
    const file = fileName(url);
    parseJsonFile(TITLE, url, bytes, File).data.forEach((m, i) => {
      const dynamic = m.pricing.prompt === '-1' || m.pricing.completion === '-1';
      const metrics: Record<string, number> = {};
      if (m.context_length) metrics.contextLength = m.context_length;
      if (dynamic) {
        metrics.dynamicPrice = 1;
      } else {
        metrics.priceInPerM = perMillion(TITLE, file, `data.${i}.pricing.prompt`, m.pricing.prompt);
        metrics.priceOutPerM = perMillion(TITLE, file, `data.${i}.pricing.completion`, m.pricing.completion);
      }
      const free =
        m.id.endsWith(':free') || (!dynamic && metrics.priceInPerM === 0 && metrics.priceOutPerM === 0);
      if (free) metrics.free = 1;
      const refs = [m.id, m.canonical_slug, m.hugging_face_id].filter((r): r is string => !!r);
      rows.push({
        board: 'openrouter',
        subboard: 'models',
        entryKey: m.id,
        displayName: m.name,
        modelRefs: [...new Set(refs)],
        score: null,
        date: m.created ? isoDay(m.created * 1000) : null,
        metrics,
      });
    });
  }
  return rows;
}

export function createOpenrouterAdapter(http: HttpClient): BoardAdapter {
  return createBoardAdapter(http, {
    board: 'openrouter',
    title: TITLE,
    needsKey: false,
    displayPrecision: 0.01,
    plan: (url) => [url],
    parse: parseOpenrouter,
  });
}
