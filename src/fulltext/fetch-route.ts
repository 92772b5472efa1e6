/**
 * The order in which a paper's full text is sought: the LaTeX source, then arXiv's HTML, then
 * the PDF's text. A route that fails (404, an error answer after the HTTP layer's retries, a
 * network failure, a source that does not convert) is logged with its reason and the next
 * one is tried.
 */
import { HttpStatusError, NetworkError } from '../http/errors.ts';
import type { Logger } from '../log/logger.ts';

export type RouteName = 'latex' | 'html' | 'pdf';

export type RouteOutcome =
  /** `route` may differ from the route's name: an e-print can be the submission's PDF. */
  { ok: true; route: RouteName; markdown: string; converter?: string } | { ok: false; reason: string };

export interface FullTextRoute {
  readonly name: RouteName;
  fetch(id: string): Promise<RouteOutcome>;
}

export interface RouteFailure {
  route: RouteName;
  reason: string;
}

export type FirstText =
  | { ok: true; route: RouteName; markdown: string; converter?: string; failures: RouteFailure[] }
  | { ok: false; failures: RouteFailure[] };

/** Texts shorter than this are a failed conversion, not a paper. */
const MIN_TEXT_CHARS = 200;

function reasonOf(error: unknown): string {
  if (error instanceof HttpStatusError)
    return `HTTP ${error.status}${error.status === 404 ? ' (not available)' : ''}`;
  if (error instanceof NetworkError) return error.timedOut ? 'timed out' : 'network error';
  return error instanceof Error ? error.message : String(error);
}

async function attempt(route: FullTextRoute, id: string): Promise<RouteOutcome> {
  try {
    const outcome = await route.fetch(id);
    if (outcome.ok && outcome.markdown.trim().length < MIN_TEXT_CHARS) {
      return { ok: false, reason: `only ${outcome.markdown.trim().length} characters of text` };
    }
    return outcome;
  } catch (error) {
    return { ok: false, reason: reasonOf(error) };
  }
}

export async function fetchFirstText(
  routes: readonly FullTextRoute[],
  id: string,
  logger: Logger,
): Promise<FirstText> {
  const failures: RouteFailure[] = [];
  for (const route of routes) {
    const outcome = await attempt(route, id);
    if (outcome.ok) return { ...outcome, failures };
    failures.push({ route: route.name, reason: outcome.reason });
    logger.info({ id, route: route.name, reason: outcome.reason }, 'full-text route failed; trying the next');
  }
  return { ok: false, failures };
}
