/**
 * A local GitHub REST API: `GET /search/repositories` (q qualifiers, sort, order, per_page, page,
 * Link paging, the 1000-result cap), `GET /repos/{owner}/{repo}`, x-ratelimit-* headers on every
 * answer and, with `enforceRateLimit`, the 403 "API rate limit exceeded" answer once a window is
 * used up. Bad queries answer 422 Validation Failed, unknown repositories 404.
 */

import { type FakeResponse, type FakeServer, type RecordedRequest, startFakeServer } from './fake-server.ts';
import { readFixture } from './fixtures.ts';
import { createRateLimits, type RateResource } from './github/rate-limit.ts';
import {
  loadFixtureRepository,
  loadFixtureSearchItem,
  makeRepository,
  type RepositoryOverrides,
  toSearchItem,
} from './github/repositories.ts';
import { type GitHubRepository, parseRepoQuery, SearchQueryError } from './github/search-query.ts';
import { formatLinkHeader } from './link-header.ts';

export type { GitHubRepository, RateResource, RepositoryOverrides };
export { loadFixtureRepository, makeRepository };

export interface GitHubFakeOptions {
  /** Default: the fixture repository octokit-fixture-org/hello-world. */
  repositories?: readonly GitHubRepository[];
  /** Refuse requests beyond the limit with 403 (headers are sent either way); default false. */
  enforceRateLimit?: boolean;
  /** Per-resource limits; default search 30/min (10 anonymous), core 5000/h (60 anonymous). */
  limits?: Partial<Record<RateResource, { authenticated?: number; anonymous?: number }>>;
  /** When set, requests with another token get 401 Bad credentials. */
  token?: string;
  /** Clock for rate-limit windows, epoch ms; default Date.now. */
  now?: () => number;
}

export interface GitHubFake extends FakeServer {
  setRepositories(repositories: readonly GitHubRepository[]): void;
  /**
   * Uses up a rate-limit window now (authenticated, anonymous, or both when not given); it resets
   * `resetInMs` later (default 60 s).
   */
  exhaustRateLimit(resource: RateResource, options?: { authenticated?: boolean; resetInMs?: number }): void;
}

const DOCS = 'https://docs.github.com/rest';

function tokenOf(req: RecordedRequest): string | undefined {
  return /^(?:token|bearer)\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
}

function validationFailed(message: string, code: string): FakeResponse {
  return {
    status: 422,
    body: {
      message: 'Validation Failed',
      errors: [{ resource: 'Search', field: 'q', code, ...(code === 'invalid' ? { message } : {}) }],
      documentation_url: 'https://docs.github.com/v3/search',
      status: '422',
    },
  };
}

function searchRepositories(
  req: RecordedRequest,
  repos: readonly GitHubRepository[],
  template: GitHubRepository,
  baseUrl: string,
): FakeResponse {
  let predicate: (r: GitHubRepository) => boolean;
  try {
    predicate = parseRepoQuery(req.query.get('q') ?? '');
  } catch (error) {
    if (!(error instanceof SearchQueryError)) throw error;
    return validationFailed(
      `The search query is invalid: ${error.message}`,
      error.message === 'missing' ? 'missing' : 'invalid',
    );
  }
  const perPage = Math.min(100, Math.max(1, Number(req.query.get('per_page') ?? 30) || 30));
  const page = Math.max(1, Number(req.query.get('page') ?? 1) || 1);
  if ((page - 1) * perPage >= 1000) {
    return {
      status: 422,
      body: {
        message: 'Only the first 1000 search results are available',
        documentation_url: `${DOCS}/search/search`,
      },
    };
  }
  const sort = req.query.get('sort');
  const ascending = req.query.get('order') === 'asc';
  let found = repos.filter(predicate);
  const key = (r: GitHubRepository): number =>
    sort === 'stars'
      ? (r.stargazers_count ?? 0)
      : sort === 'forks'
        ? (r.forks_count ?? 0)
        : sort === 'updated'
          ? Date.parse(r.updated_at ?? '1970-01-01')
          : 0;
  if (sort !== null) found = [...found].sort((a, b) => (ascending ? key(a) - key(b) : key(b) - key(a)));
  const items = found.slice((page - 1) * perPage, page * perPage).map((r) => toSearchItem(r, template));
  const lastPage = Math.max(1, Math.ceil(Math.min(found.length, 1000) / perPage));
  const pageUrl = (n: number): string => {
    const params = new URLSearchParams(req.query);
    params.set('page', String(n));
    return `${baseUrl}/search/repositories?${params.toString()}`;
  };
  const link = formatLinkHeader({
    prev: page > 1 ? pageUrl(page - 1) : undefined,
    next: page < lastPage ? pageUrl(page + 1) : undefined,
    last: page < lastPage ? pageUrl(lastPage) : undefined,
    first: page > 1 ? pageUrl(1) : undefined,
  });
  return {
    headers: link ? { link } : {},
    body: { total_count: found.length, incomplete_results: false, items },
  };
}

export async function startGitHubFake(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  const server = await startFakeServer('github');
  let repos: GitHubRepository[] = [...(options.repositories ?? [loadFixtureRepository()])];
  const limits = createRateLimits({
    enforce: options.enforceRateLimit ?? false,
    now: options.now ?? Date.now,
    ...(options.limits ? { limits: options.limits } : {}),
  });
  const rateLimitBody = readFixture('github/error_403_rate_limit_exceeded.json');
  const searchTemplate = loadFixtureSearchItem();

  const api =
    (
      resource: RateResource,
      handle: (req: RecordedRequest, params: Record<string, string>) => FakeResponse,
    ) =>
    (req: RecordedRequest, params: Record<string, string>): FakeResponse => {
      if (!req.headers['user-agent']) {
        return {
          status: 403,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).\n',
        };
      }
      const token = tokenOf(req);
      if (token !== undefined && options.token !== undefined && token !== options.token) {
        return { status: 401, body: { message: 'Bad credentials', documentation_url: DOCS, status: '401' } };
      }
      const verdict = limits.take(resource, token !== undefined);
      if (verdict.exceeded) return { status: 403, headers: verdict.headers, body: rateLimitBody };
      const response = handle(req, params);
      return { ...response, headers: { ...verdict.headers, ...(response.headers ?? {}) } };
    };

  server.route(
    'GET',
    '/search/repositories',
    api('search', (req) => searchRepositories(req, repos, searchTemplate, server.url)),
  );
  server.route(
    'GET',
    '/repos/:owner/:repo',
    api('core', (_req, { owner = '', repo = '' }) => {
      const found = repos.find((r) => r.full_name.toLowerCase() === `${owner}/${repo}`.toLowerCase());
      return found
        ? { body: found }
        : {
            status: 404,
            body: {
              message: 'Not Found',
              documentation_url: `${DOCS}/repos/repos#get-a-repository`,
              status: '404',
            },
          };
    }),
  );

  return Object.assign(server, {
    setRepositories(next: readonly GitHubRepository[]) {
      repos = [...next];
    },
    exhaustRateLimit(resource: RateResource, opts: { authenticated?: boolean; resetInMs?: number } = {}) {
      for (const authenticated of opts.authenticated === undefined ? [true, false] : [opts.authenticated]) {
        limits.exhaust(resource, authenticated, opts.resetInMs ?? 60_000);
      }
    },
  });
}
