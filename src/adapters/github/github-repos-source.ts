/**
 * Benchmark candidates from GitHub repository search: one query per keyword (created recently)
 * and per topic (pushed recently), with a minimum star count, most stars first, paging through
 * `Link: rel="next"`. Search allows 30 requests a minute: a limiter spaces them, and when GitHub
 * says the limit is spent (403/429 with x-ratelimit-remaining 0) the source waits for the reset —
 * unless the reset is further away than `maxWaitMs`, then it stops with GitHubRateLimitError.
 * Hits that read as an awesome-list, a harness or a solver (repo-kind.ts) are counted and dropped.
 */
import { z } from 'zod';
import type { BenchmarkSource, SourceCollection } from '../../benchmarks/benchmark-source.ts';
import {
  type BenchmarkCandidate,
  candidateId,
  extractArxivIds,
  extractUrls,
  guessMetrics,
  guessModality,
  normalizeUrl,
} from '../../benchmarks/candidate.ts';
import { HttpStatusError, safeUrl } from '../../http/errors.ts';
import { bodySnippet, type HttpClient, type HttpResponse } from '../../http/http-client.ts';
import { parseLinkHeader } from '../../http/link-header.ts';
import { createRateLimiter } from '../../http/rate-limiter.ts';
import { sleep as realSleep } from '../../http/retry.ts';
import type { Logger } from '../../log/logger.ts';
import { GitHubRateLimitError, rateLimitWaitMs } from './github-rate-limit.ts';
import { classifyRepo } from './repo-kind.ts';

const Repo = z.looseObject({
  full_name: z.string(),
  name: z.string(),
  html_url: z.string(),
  description: z.string().nullish(),
  topics: z.array(z.string()).default([]),
  stargazers_count: z.number().default(0),
  created_at: z.string().nullish(),
  pushed_at: z.string().nullish(),
  homepage: z.string().nullish(),
  license: z.looseObject({ spdx_id: z.string().nullish() }).nullish(),
});
type Repo = z.infer<typeof Repo>;
const SearchPage = z.looseObject({ total_count: z.number(), items: z.array(Repo) });

export interface GitHubReposSourceDeps {
  http: HttpClient;
  logger: Logger;
  /** Epoch ms; default Date.now. Used for the rate-limit waits and the limiter. */
  now?: () => number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface GitHubReposSourceOptions {
  apiUrl: string;
  token?: string | undefined;
  keywords: readonly string[];
  topics: readonly string[];
  minStars: number;
  since: Date;
  maxPages: number;
  pageSize?: number;
  /** Longest wait for a rate-limit reset before the source gives up for this run. */
  maxWaitMs: number;
  /** Default 30 (GitHub's authenticated search limit). */
  searchPerMinute?: number;
}

const isoOrNull = (value: string | null | undefined): string | null => {
  const ms = Date.parse(value ?? '');
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

export function repoCandidate(repo: Repo, now: Date): BenchmarkCandidate {
  const description = (repo.description ?? '').trim();
  const text = `${repo.name} ${description} ${repo.topics.join(' ')}`;
  const arxiv = extractArxivIds(description).map((id) => `arxiv.org/abs/${id}`);
  const links = [repo.html_url, ...(repo.homepage ? [repo.homepage] : [])].map(normalizeUrl);
  const license = repo.license?.spdx_id;
  return {
    id: candidateId('github', repo.html_url),
    source: 'github',
    url: repo.html_url,
    name: repo.name,
    title: repo.full_name,
    description,
    task: [],
    modality: guessModality(text),
    metrics: guessMetrics(description),
    size: null,
    license: license && license !== 'NOASSERTION' ? license : null,
    createdAt: isoOrNull(repo.created_at),
    updatedAt: isoOrNull(repo.pushed_at),
    firstSeenAt: now.toISOString(),
    popularity: { stars: repo.stargazers_count },
    links: [...new Set([...links, ...arxiv, ...extractUrls(description)])],
    keywords: repo.topics.map((t) => t.toLowerCase()),
  };
}

export function createGitHubReposSource(
  deps: GitHubReposSourceDeps,
  options: GitHubReposSourceOptions,
): BenchmarkSource {
  const log = deps.logger.child({ module: 'github-repos' });
  const now = deps.now ?? Date.now;
  const wait = deps.sleep ?? realSleep;
  const limiter = createRateLimiter({
    ratePerSecond: (options.searchPerMinute ?? 30) / 60,
    burst: Math.min(10, options.searchPerMinute ?? 30),
    now,
    sleep: wait,
  });
  const headers: Record<string, string> = {
    accept: 'application/vnd.github+json',
    'x-github-api-version': '2022-11-28',
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };
  const base = options.apiUrl.replace(/\/+$/, '');
  const day = options.since.toISOString().slice(0, 10);
  const queries = [
    ...options.keywords.map((k) => `${k} created:>=${day} stars:>=${options.minStars} archived:false`),
    ...options.topics.map((t) => `topic:${t} pushed:>=${day} stars:>=${options.minStars} archived:false`),
  ];

  async function waitOrStop(
    waitMs: number,
    counts: Record<string, number>,
    signal?: AbortSignal,
  ): Promise<void> {
    if (waitMs > options.maxWaitMs)
      throw new GitHubRateLimitError(new Date(now() + waitMs), waitMs, options.maxWaitMs);
    counts.rateLimitWaits = (counts.rateLimitWaits ?? 0) + 1;
    log.warn({ waitMs }, 'GitHub search rate limit spent; waiting for the reset');
    await wait(waitMs, signal);
  }

  async function get(
    url: string,
    counts: Record<string, number>,
    signal?: AbortSignal,
  ): Promise<HttpResponse> {
    for (let attempt = 1; ; attempt++) {
      await limiter.acquire(signal);
      const response = await deps.http.request(url, {
        operation: 'GitHub repository search',
        headers,
        acceptStatus: [403, 429],
        ...(signal ? { signal } : {}),
      });
      counts.requests = (counts.requests ?? 0) + 1;
      if (response.status !== 403 && response.status !== 429) return response;
      const waitMs = rateLimitWaitMs(response.headers, now());
      if (waitMs === undefined || attempt >= 3) {
        throw new HttpStatusError(
          'GitHub repository search',
          response.status,
          safeUrl(url),
          bodySnippet(response.text()),
          undefined,
        );
      }
      await waitOrStop(waitMs, counts, signal);
    }
  }

  async function search(q: string, counts: Record<string, number>, signal?: AbortSignal): Promise<Repo[]> {
    const params = new URLSearchParams({
      q,
      sort: 'stars',
      order: 'desc',
      per_page: String(options.pageSize ?? 100),
    });
    let url: string | undefined = `${base}/search/repositories?${params.toString()}`;
    const repos: Repo[] = [];
    for (let page = 0; url !== undefined && page < options.maxPages; page++) {
      const response = await get(url, counts, signal);
      repos.push(...SearchPage.parse(JSON.parse(response.text())).items);
      url = parseLinkHeader(response.headers.get('link')).next;
    }
    return repos;
  }

  return {
    name: 'github',
    async collect(signal): Promise<SourceCollection> {
      const counts: Record<string, number> = { requests: 0, rateLimitWaits: 0 };
      const byName = new Map<string, Repo>();
      for (const q of queries)
        for (const repo of await search(q, counts, signal)) byName.set(repo.full_name.toLowerCase(), repo);
      const at = new Date(now());
      const starred = [...byName.values()].filter((r) => r.stargazers_count >= options.minStars);
      const candidates: BenchmarkCandidate[] = [];
      for (const repo of starred) {
        const verdict = classifyRepo({
          name: repo.name,
          description: repo.description ?? '',
          topics: repo.topics,
        });
        if (verdict.kind === 'benchmark') candidates.push(repoCandidate(repo, at));
        else {
          counts[`not-${verdict.kind}`] = (counts[`not-${verdict.kind}`] ?? 0) + 1;
          log.debug({ repo: repo.full_name, kind: verdict.kind }, 'not a benchmark repository');
        }
      }
      counts.listed = byName.size;
      counts.candidates = candidates.length;
      return { candidates, counts };
    },
  };
}
