/**
 * The full-text job: for each paper, the cached markdown when there is one; otherwise the
 * routes in order, and the abstract when every route failed. Every outcome is cached, the
 * abstract only for a short while (`abstractTtlMs`) so the full text is sought again next day.
 * Concurrent requests for one paper share one fetch.
 */
import { RadarError } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { FulltextMeta, FulltextStore } from '../store/fulltext-store.ts';
import type { Paper } from '../store/schemas.ts';
import { type FullTextRoute, fetchFirstText, type RouteFailure } from './fetch-route.ts';

const DEFAULT_ABSTRACT_TTL_MS = 12 * 60 * 60 * 1000;

export interface FetchTextDeps {
  routes: readonly FullTextRoute[];
  store: FulltextStore;
  papers: { get(ids: readonly string[]): Promise<Map<string, Paper>> };
  logger: Logger;
  now: () => Date;
}

export interface FetchTextOptions {
  /** Ignore the cache and fetch again. */
  force?: boolean;
  abstractTtlMs?: number;
  /** The paper itself, when the caller has it (saves a store read for the abstract). */
  paper?: Paper;
}

/** The cached record (route, fetchedAt, chars, failures…) with its markdown. */
export interface PaperText extends FulltextMeta {
  markdown: string;
  cached: boolean;
}

function abstractMarkdown(paper: Paper, failures: readonly RouteFailure[]): string {
  const why = failures.map((f) => `${f.route}: ${f.reason}`).join('; ');
  return [
    `# ${paper.title}`,
    '',
    '## Abstract',
    '',
    paper.abstract.trim(),
    '',
    `*Full text unavailable${why ? ` (${why})` : ''}: this is the abstract only.*`,
    '',
  ].join('\n');
}

function fresh(meta: FulltextMeta, now: Date, ttlMs: number): boolean {
  return meta.route !== 'abstract' || now.getTime() - Date.parse(meta.fetchedAt) < ttlMs;
}

async function fetchAndCache(deps: FetchTextDeps, id: string, options: FetchTextOptions): Promise<PaperText> {
  const found = await fetchFirstText(deps.routes, id, deps.logger);
  const fetchedAt = deps.now().toISOString();
  let meta: FulltextMeta;
  let markdown: string;
  if (found.ok) {
    markdown = found.markdown;
    meta = { id, route: found.route, fetchedAt, chars: markdown.length, failures: found.failures };
    if (found.converter !== undefined) meta.converter = found.converter;
  } else {
    const paper = options.paper ?? (await deps.papers.get([id])).get(id);
    if (!paper) throw new RadarError(`${id}: no full text and no abstract (the paper is not in the store)`);
    markdown = abstractMarkdown(paper, found.failures);
    meta = { id, route: 'abstract', fetchedAt, chars: markdown.length, failures: found.failures };
  }
  await deps.store.put(markdown, meta);
  deps.logger.info({ id, route: meta.route, chars: markdown.length }, 'full text fetched');
  return { ...meta, markdown, cached: false };
}

export interface FullTextService {
  get(id: string, options?: FetchTextOptions): Promise<PaperText>;
}

export function createFullTextService(deps: FetchTextDeps): FullTextService {
  const inflight = new Map<string, Promise<PaperText>>();
  const load = async (id: string, options: FetchTextOptions): Promise<PaperText> => {
    if (options.force !== true) {
      const cached = await deps.store.get(id);
      if (cached && fresh(cached.meta, deps.now(), options.abstractTtlMs ?? DEFAULT_ABSTRACT_TTL_MS)) {
        return { ...cached.meta, markdown: cached.markdown, cached: true };
      }
    }
    return fetchAndCache(deps, id, options);
  };
  return {
    get(id, options = {}) {
      const running = inflight.get(id);
      if (running) return running;
      const promise = load(id, options).finally(() => inflight.delete(id));
      inflight.set(id, promise);
      return promise;
    },
  };
}

export type FetchTextResult =
  | { id: string; ok: true; text: PaperText }
  | { id: string; ok: false; error: string };

/** Fetches each paper in turn (the site's rate limit serialises them anyway); one failure never stops the rest. */
export async function fetchTexts(
  deps: FetchTextDeps,
  ids: readonly string[],
  options: FetchTextOptions = {},
): Promise<FetchTextResult[]> {
  const service = createFullTextService(deps);
  const results: FetchTextResult[] = [];
  for (const id of ids) {
    try {
      results.push({ id, ok: true, text: await service.get(id, options) });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      deps.logger.warn({ id, error: message }, 'full text failed');
      results.push({ id, ok: false, error: message });
    }
  }
  return results;
}
