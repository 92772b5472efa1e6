import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpStatusError } from '../../src/http/errors.ts';
import { createHttpClient } from '../../src/http/http-client.ts';
import { readFixture } from './fixtures.ts';
import { type GitHubFake, type GitHubFakeOptions, makeRepository, startGitHubFake } from './github-fake.ts';
import { parseLinkHeader } from './link-header.ts';

const client = createHttpClient({ retry: { retries: 2, baseDelayMs: 10 }, timeoutMs: 5000 });
const searchSchema = z.object({
  total_count: z.number(),
  incomplete_results: z.boolean(),
  items: z.array(z.looseObject({ full_name: z.string(), stargazers_count: z.number(), score: z.number() })),
});
const auth = { authorization: 'Bearer ghp_test' };

const repos = [
  makeRepository({
    fullName: 'acme/llm-eval',
    description: 'Evaluate LLM agents',
    stars: 900,
    topics: ['llm', 'benchmark'],
    language: 'Python',
    createdAt: '2026-03-01T00:00:00Z',
  }),
  makeRepository({
    fullName: 'acme/swe-agent',
    description: 'An agent for SWE tasks',
    stars: 450,
    topics: ['llm', 'agents'],
    language: 'Python',
    createdAt: '2026-05-10T00:00:00Z',
  }),
  makeRepository({
    fullName: 'beta/tiny-bench',
    description: 'A tiny benchmark',
    stars: 12,
    topics: ['benchmark'],
    language: 'Rust',
    createdAt: '2025-01-01T00:00:00Z',
  }),
  makeRepository({
    fullName: 'beta/llm-cache',
    description: null,
    stars: 3000,
    topics: ['llm'],
    language: 'TypeScript',
    createdAt: '2026-06-01T00:00:00Z',
  }),
  makeRepository({
    fullName: 'gamma/old-llm',
    description: 'Archived',
    stars: 5,
    topics: ['llm'],
    archived: true,
  }),
];

let fake: GitHubFake | undefined;
async function start(options: GitHubFakeOptions = {}): Promise<GitHubFake> {
  fake = await startGitHubFake({ repositories: repos, ...options });
  return fake;
}
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('GitHub fake', () => {
  it('searches with qualifiers and sorts by stars, in the recorded item shape', async () => {
    const gh = await start();
    const url = `${gh.url}/search/repositories?${new URLSearchParams({ q: 'topic:llm stars:>=10 archived:false', sort: 'stars', order: 'desc' })}`;
    const result = await client.getJson(url, searchSchema, { operation: 'GitHub search', headers: auth });
    expect(result.items.map((r) => r.full_name)).toEqual([
      'beta/llm-cache',
      'acme/llm-eval',
      'acme/swe-agent',
    ]);
    expect(result.total_count).toBe(3);
    const fixtureItem = z
      .object({ items: z.array(z.record(z.string(), z.unknown())) })
      .parse(readFixture('github/search_repositories_response_COMPOSED.json')).items[0];
    expect(Object.keys(result.items[0] ?? {}).sort()).toEqual(Object.keys(fixtureItem ?? {}).sort());
    const text = `${gh.url}/search/repositories?q=${encodeURIComponent('agent created:2026-04-01..2026-12-31 language:python')}`;
    const byText = await client.getJson(text, searchSchema, { operation: 'GitHub search' });
    expect(byText.items.map((r) => r.full_name)).toEqual(['acme/swe-agent']);
  });

  it('pages with a Link header', async () => {
    const gh = await start();
    let url: string | undefined = `${gh.url}/search/repositories?q=llm&sort=stars&per_page=2`;
    const names: string[] = [];
    while (url) {
      const response = await client.request(url, { operation: 'GitHub search' });
      names.push(...searchSchema.parse(JSON.parse(response.text())).items.map((r) => r.full_name));
      const links = parseLinkHeader(response.headers.get('link'));
      if (names.length === 2) expect(links.last).toContain('page=2');
      url = links.next;
    }
    expect(names).toEqual(['beta/llm-cache', 'acme/llm-eval', 'acme/swe-agent', 'gamma/old-llm']);
  });

  it('sends search rate-limit headers and counts down', async () => {
    const gh = await start();
    const first = await client.request(`${gh.url}/search/repositories?q=llm`, {
      operation: 'GitHub',
      headers: auth,
    });
    const second = await client.request(`${gh.url}/search/repositories?q=llm`, {
      operation: 'GitHub',
      headers: auth,
    });
    expect(first.headers.get('x-ratelimit-limit')).toBe('30');
    expect(first.headers.get('x-ratelimit-resource')).toBe('search');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('29');
    expect(second.headers.get('x-ratelimit-remaining')).toBe('28');
    const reset = Number(first.headers.get('x-ratelimit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now());
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
    const anonymous = await client.request(`${gh.url}/repos/acme/llm-eval`, { operation: 'GitHub' });
    expect(anonymous.headers.get('x-ratelimit-resource')).toBe('core');
    expect(anonymous.headers.get('x-ratelimit-limit')).toBe('60');
  });

  it('answers 403 with the rate-limit body once the window is spent, until it resets', async () => {
    let now = Date.parse('2026-07-01T12:00:00Z');
    const gh = await start({
      enforceRateLimit: true,
      limits: { search: { authenticated: 3 } },
      now: () => now,
    });
    for (let i = 0; i < 3; i++) {
      await client.request(`${gh.url}/search/repositories?q=llm`, { operation: 'GitHub', headers: auth });
    }
    const error = await client
      .request(`${gh.url}/search/repositories?q=llm`, { operation: 'GitHub', headers: auth })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error instanceof HttpStatusError && error.status).toBe(403);
    expect(error instanceof HttpStatusError && error.bodySnippet).toContain('API rate limit exceeded');
    expect(gh.requestsTo('/search/repositories')).toHaveLength(4); // 403 is not retried
    const limited = await client.request(`${gh.url}/search/repositories?q=llm`, {
      operation: 'GitHub',
      headers: auth,
      acceptStatus: [403],
    });
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(limited.headers.get('x-ratelimit-reset'))).toBe(Math.ceil((now + 60_000) / 1000));
    expect(JSON.parse(limited.text())).toEqual(readFixture('github/error_403_rate_limit_exceeded.json'));
    now += 60_000;
    const after = await client.request(`${gh.url}/search/repositories?q=llm`, {
      operation: 'GitHub',
      headers: auth,
    });
    expect(after.headers.get('x-ratelimit-remaining')).toBe('2');
  });

  it('can be put in the exhausted state directly', async () => {
    const gh = await start({ enforceRateLimit: true });
    gh.exhaustRateLimit('core', { resetInMs: 30_000 });
    const response = await client.request(`${gh.url}/repos/acme/llm-eval`, {
      operation: 'GitHub',
      acceptStatus: [403],
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
  });

  it('answers 422 Validation Failed for a bad q and past the 1000-result cap', async () => {
    const gh = await start();
    for (const query of ['q=', 'q=stars:>lots', 'q=llm&per_page=100&page=11']) {
      const response = await client.request(`${gh.url}/search/repositories?${query}`, {
        operation: 'GitHub',
        acceptStatus: [422],
      });
      expect(response.status).toBe(422);
      expect(z.object({ message: z.string() }).parse(JSON.parse(response.text())).message).toMatch(
        /Validation Failed|first 1000/,
      );
    }
    const octokit = z.object({
      message: z.literal('Validation Failed'),
      errors: z.array(z.object({ code: z.string() })),
    });
    const bad = await client.request(`${gh.url}/search/repositories?q=`, {
      operation: 'GitHub',
      acceptStatus: [422],
    });
    expect(octokit.safeParse(JSON.parse(bad.text())).success).toBe(true);
    expect(octokit.safeParse(readFixture('github/error_422_validation_failed_octokit.json')).success).toBe(
      true,
    );
  });

  it('gets a repository in the recorded shape, 404 for an unknown one', async () => {
    const gh = await start();
    const repo = await client.getJson(
      `${gh.url}/repos/acme/llm-eval`,
      z.looseObject({
        full_name: z.string(),
        html_url: z.string(),
        owner: z.object({ login: z.string() }).loose(),
      }),
      { operation: 'GitHub repo' },
    );
    expect(repo).toMatchObject({
      full_name: 'acme/llm-eval',
      html_url: 'https://github.com/acme/llm-eval',
      owner: { login: 'acme' },
    });
    const fixtureKeys = Object.keys(
      z.record(z.string(), z.unknown()).parse(readFixture('github/get_repository_response_octokit.json')),
    );
    expect(Object.keys(repo).sort()).toEqual(fixtureKeys.sort());
    const missing = await client.request(`${gh.url}/repos/acme/nope`, {
      operation: 'GitHub',
      acceptStatus: [404],
    });
    expect(JSON.parse(missing.text())).toMatchObject({ message: 'Not Found' });
  });

  it('refuses a bad token', async () => {
    const gh = await start({ token: 'ghp_test' });
    const response = await client.request(`${gh.url}/repos/acme/llm-eval`, {
      operation: 'GitHub',
      headers: { authorization: 'token ghp_other' },
      acceptStatus: [401],
    });
    expect(JSON.parse(response.text())).toMatchObject({ message: 'Bad credentials' });
  });
});
