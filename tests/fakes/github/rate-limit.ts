/**
 * GitHub's primary rate limits as the fake counts them: one window per resource (`search`: 30 a
 * minute authenticated, 10 anonymous; `core`: 5000 an hour authenticated, 60 anonymous), the
 * x-ratelimit-* headers on every answer, and, when enforced, 403 once a window is used up.
 */
export type RateResource = 'core' | 'search';

export interface RateLimitConfig {
  enforce: boolean;
  now: () => number;
  limits?: Partial<Record<RateResource, { authenticated?: number; anonymous?: number }>>;
}

interface Window {
  used: number;
  resetAtMs: number;
}

const WINDOW_MS: Record<RateResource, number> = { search: 60_000, core: 3_600_000 };
const DEFAULT_LIMITS: Record<RateResource, { authenticated: number; anonymous: number }> = {
  search: { authenticated: 30, anonymous: 10 },
  core: { authenticated: 5000, anonymous: 60 },
};

export interface RateVerdict {
  headers: Record<string, string>;
  exceeded: boolean;
}

export function createRateLimits(config: RateLimitConfig) {
  const windows = new Map<string, Window>();

  const limitOf = (resource: RateResource, authenticated: boolean): number => {
    const configured = config.limits?.[resource];
    const fallback = DEFAULT_LIMITS[resource];
    return authenticated
      ? (configured?.authenticated ?? fallback.authenticated)
      : (configured?.anonymous ?? fallback.anonymous);
  };

  const windowOf = (resource: RateResource, authenticated: boolean): Window => {
    const key = `${resource}:${authenticated}`;
    const now = config.now();
    let window = windows.get(key);
    if (!window || now >= window.resetAtMs) {
      window = { used: 0, resetAtMs: now + WINDOW_MS[resource] };
      windows.set(key, window);
    }
    return window;
  };

  return {
    /** Counts one request and returns the headers to send and whether it is refused. */
    take(resource: RateResource, authenticated: boolean): RateVerdict {
      const limit = limitOf(resource, authenticated);
      const window = windowOf(resource, authenticated);
      const exceeded = config.enforce && window.used >= limit;
      if (!exceeded) window.used += 1;
      return {
        exceeded,
        headers: {
          'x-ratelimit-limit': String(limit),
          'x-ratelimit-remaining': String(Math.max(0, limit - window.used)),
          'x-ratelimit-reset': String(Math.ceil(window.resetAtMs / 1000)),
          'x-ratelimit-used': String(window.used),
          'x-ratelimit-resource': resource,
        },
      };
    },
    /** Uses up a window now, as if other clients had spent it; it resets after `resetInMs`. */
    exhaust(resource: RateResource, authenticated: boolean, resetInMs: number): void {
      windows.set(`${resource}:${authenticated}`, {
        used: limitOf(resource, authenticated),
        resetAtMs: config.now() + resetInMs,
      });
    },
  };
}

export type RateLimits = ReturnType<typeof createRateLimits>;
