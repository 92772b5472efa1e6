/** Checks Notion runs before any endpoint: rate limit, bearer token, Notion-Version header, JSON body. */
import type { FakeResponse, RecordedRequest } from '../fake-server.ts';
import { errorResponse, NotionApiError } from './wire.ts';

export interface RateLimitOptions {
  /** Sustained requests per second (Notion documents an average of 3). */
  perSecond: number;
  /** Bucket size: how many requests may arrive at once; default `perSecond`. */
  burst?: number;
}

export interface GuardOptions {
  /** The only token accepted; by default any `secret_…` or `ntn_…` token. */
  auth?: string | undefined;
  rateLimit?: RateLimitOptions | undefined;
}

export interface GuardStats {
  requests: number;
  rateLimited: number;
}

/** A token bucket on the real clock (the SDK sleeps in real time, whatever clock the store uses). */
function createTokenBucket(options: RateLimitOptions) {
  const capacity = options.burst ?? options.perSecond;
  let tokens = capacity;
  let last = performance.now();
  return {
    /** Takes a token; returns undefined when allowed, else the whole seconds to wait. */
    take(): number | undefined {
      const t = performance.now();
      tokens = Math.min(capacity, tokens + ((t - last) / 1000) * options.perSecond);
      last = t;
      if (tokens >= 1) {
        tokens -= 1;
        return undefined;
      }
      return Math.max(1, Math.ceil((1 - tokens) / options.perSecond));
    },
  };
}

function validToken(token: string, expected: string | undefined): boolean {
  return expected === undefined ? /^(secret_|ntn_)\S+$/.test(token) : token === expected;
}

export function createGuards(options: GuardOptions) {
  const bucket = options.rateLimit ? createTokenBucket(options.rateLimit) : undefined;
  const stats: GuardStats = { requests: 0, rateLimited: 0 };

  function check(req: RecordedRequest): FakeResponse | undefined {
    stats.requests += 1;
    const wait = bucket?.take();
    if (wait !== undefined) {
      stats.rateLimited += 1;
      const error = new NotionApiError(
        429,
        'rate_limited',
        'You have been rate limited. Please try again in a few minutes.',
      );
      return errorResponse(error, { 'retry-after': String(wait) });
    }
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    if (token === undefined || !validToken(token, options.auth)) {
      return errorResponse(new NotionApiError(401, 'unauthorized', 'API token is invalid.'));
    }
    if (!req.headers['notion-version']) {
      return errorResponse(
        new NotionApiError(
          400,
          'missing_version',
          'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
        ),
      );
    }
    if (req.text.length > 0 && req.json === undefined) {
      return errorResponse(new NotionApiError(400, 'invalid_json', 'Error parsing JSON body.'));
    }
    return undefined;
  }

  return { check, stats };
}

export type Guards = ReturnType<typeof createGuards>;
