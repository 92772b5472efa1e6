import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { parseAtomFeed } from '../../tests/fakes/arxiv/parse-feed.ts';
import { type ArxivFake, loadSharedPapers, startArxivFake } from '../../tests/fakes/arxiv-fake.ts';
import { type HuggingFaceFake, startHuggingFaceFake } from '../../tests/fakes/huggingface-fake.ts';
import { createLogger } from '../log/logger.ts';
import { HttpStatusError, MalformedResponseError, NetworkError } from './errors.ts';
import { bodySnippet, createHttpClient, type HttpClientOptions, USER_AGENT } from './http-client.ts';

let arxiv: ArxivFake;
let hub: HuggingFaceFake;
const listSchema = z.array(z.looseObject({ id: z.string() }));

beforeAll(async () => {
  [arxiv, hub] = await Promise.all([
    startArxivFake({ papers: loadSharedPapers(12) }),
    startHuggingFaceFake(),
  ]);
});
afterAll(async () => {
  await Promise.all([arxiv.close(), hub.close()]);
});

const fast: HttpClientOptions = { timeoutMs: 2000, retry: { retries: 2, baseDelayMs: 20, maxDelayMs: 50 } };
const queryUrl = (): string => `${arxiv.url}/api/query?search_query=cat:cs.CL&max_results=2`;
const isQuery = (req: { path: string }): boolean => req.path === '/api/query';

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );
}

describe('createHttpClient against the fakes', () => {
  it('sends the descriptive User-Agent, or the configured one', async () => {
    await createHttpClient(fast).getText(queryUrl(), { operation: 'arXiv query' });
    expect(arxiv.requests.at(-1)?.headers['user-agent']).toBe(USER_AGENT);
    await createHttpClient({ ...fast, userAgent: 'radar-test/1.0 (me@example.org)' }).getText(queryUrl(), {
      operation: 'arXiv query',
    });
    expect(arxiv.requests.at(-1)?.headers['user-agent']).toBe('radar-test/1.0 (me@example.org)');
  });

  it('turns the arXiv error feed into an HttpStatusError with the message in the snippet', async () => {
    const error = await failure(
      createHttpClient(fast).getText(`${arxiv.url}/api/query?id_list=abc&token=secret`, {
        operation: 'arXiv query',
      }),
    );
    expect(error).toBeInstanceOf(HttpStatusError);
    if (!(error instanceof HttpStatusError)) return;
    expect(error).toMatchObject({ status: 400, operation: 'arXiv query', retryable: false });
    expect(error.bodySnippet).toContain('incorrect id format for abc');
    expect(error.url).toBe(`${arxiv.url}/api/query`);
    expect(error.message).not.toContain('secret');
  });

  it('honours 429 Retry-After: waits about that long, then succeeds', async () => {
    arxiv.inject({ fault: { kind: 'status', status: 429, retryAfter: 1 }, match: isQuery });
    const lines: string[] = [];
    const logger = createLogger({
      level: 'warn',
      destination: new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    });
    const before = arxiv.requestsTo('/api/query').length;
    const started = performance.now();
    const xml = await createHttpClient({ ...fast, logger }).getText(queryUrl(), { operation: 'arXiv query' });
    const elapsed = performance.now() - started;
    expect(parseAtomFeed(xml).entry).toHaveLength(2);
    expect(arxiv.requestsTo('/api/query').length - before).toBe(2);
    // The wait is at least the server's Retry-After, and the planned delay is exactly that (no upper
    // bound on wall time: a loaded machine may be slower, never faster).
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(lines.join('')).toContain('"delayMs":1000');
  });

  it('gives up on a Retry-After longer than maxRetryAfterMs', async () => {
    arxiv.inject({ fault: { kind: 'status', status: 429, retryAfter: 3600 }, match: isQuery });
    const error = await failure(createHttpClient(fast).getText(queryUrl(), { operation: 'arXiv query' }));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error instanceof HttpStatusError && error.retryAfterMs).toBe(3_600_000);
  });

  it('retries a 503 and returns the next good answer', async () => {
    arxiv.inject({ fault: { kind: 'status', status: 503 }, match: isQuery });
    const before = arxiv.requestsTo('/api/query').length;
    const xml = await createHttpClient(fast).getText(queryUrl(), { operation: 'arXiv query' });
    expect(parseAtomFeed(xml)['opensearch:totalResults']).toBeGreaterThan(0);
    expect(arxiv.requestsTo('/api/query').length - before).toBe(2);
  });

  it('throws the 5xx once the retries are spent', async () => {
    arxiv.inject({ fault: { kind: 'status', status: 502 }, match: isQuery, times: 3 });
    const error = await failure(createHttpClient(fast).getText(queryUrl(), { operation: 'arXiv query' }));
    expect(error instanceof HttpStatusError && error.status).toBe(502);
  });

  it('times out a slow answer as a NetworkError, and retries it', async () => {
    arxiv.inject({ fault: { kind: 'delay', ms: 3000 }, match: isQuery });
    const error = await failure(
      createHttpClient({ ...fast, retry: { retries: 0 } }).getText(queryUrl(), {
        operation: 'arXiv query',
        timeoutMs: 200,
      }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    // timedOut: the client's own 200 ms timeout ended the call, not the server's 3 s answer.
    expect(error instanceof NetworkError && error.timedOut).toBe(true);

    arxiv.inject({ fault: { kind: 'delay', ms: 3000 }, match: isQuery });
    const xml = await createHttpClient(fast).getText(queryUrl(), {
      operation: 'arXiv query',
      timeoutMs: 200,
    });
    expect(parseAtomFeed(xml).entry.length).toBeGreaterThan(0);
  });

  it('reports a dropped connection as a NetworkError, and retries it', async () => {
    arxiv.inject({ fault: { kind: 'drop' }, match: isQuery });
    const error = await failure(
      createHttpClient({ ...fast, retry: { retries: 0 } }).getText(queryUrl(), { operation: 'arXiv query' }),
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error instanceof NetworkError && error.timedOut).toBe(false);
    arxiv.inject({ fault: { kind: 'drop' }, match: isQuery });
    await expect(createHttpClient(fast).getText(queryUrl(), { operation: 'arXiv query' })).resolves.toContain(
      '<feed',
    );
  });

  it('stops when the caller aborts, without wrapping it as a network failure', async () => {
    arxiv.inject({ fault: { kind: 'delay', ms: 3000 }, match: isQuery });
    const controller = new AbortController();
    const before = arxiv.requestsTo('/api/query').length;
    const pending = failure(
      createHttpClient(fast).getText(queryUrl(), { operation: 'arXiv query', signal: controller.signal }),
    );
    // Abort once the request is at the server (an event, not a fixed sleep).
    await vi.waitFor(() => expect(arxiv.requestsTo('/api/query').length).toBeGreaterThan(before));
    controller.abort(new Error('cancelled by caller'));
    const error = await pending;
    expect(error).not.toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ message: 'cancelled by caller' });
  });

  it('parses JSON through the schema and asks for JSON', async () => {
    const list = await createHttpClient(fast).getJson(`${hub.url}/api/datasets?limit=2`, listSchema, {
      operation: 'HF list',
    });
    expect(list).toHaveLength(2);
    expect(hub.requests.at(-1)?.headers.accept).toBe('application/json');
  });

  it('throws MalformedResponseError for a body that is not JSON, without retrying', async () => {
    hub.inject({ fault: { kind: 'malformed' } });
    const before = hub.requests.length;
    const error = await failure(
      createHttpClient(fast).getJson(`${hub.url}/api/datasets`, listSchema, { operation: 'HF list' }),
    );
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(hub.requests.length - before).toBe(1);
  });

  it('throws MalformedResponseError naming the field when JSON misses the schema', async () => {
    const error = await failure(
      createHttpClient(fast).getJson(`${hub.url}/api/datasets`, z.array(z.object({ id: z.number() })), {
        operation: 'HF list',
      }),
    );
    expect(error).toBeInstanceOf(MalformedResponseError);
    expect(error instanceof Error && error.message).toContain('0.id');
  });

  it('keeps to the per-host rate limit: 4 requests at 5/s with burst 1 take at least 600 ms', async () => {
    const host = new URL(arxiv.url).host;
    const client = createHttpClient({ ...fast, hostLimits: { [host]: { ratePerSecond: 5, burst: 1 } } });
    const started = performance.now();
    await Promise.all([0, 1, 2, 3].map(() => client.getText(queryUrl(), { operation: 'arXiv query' })));
    expect(performance.now() - started).toBeGreaterThanOrEqual(590);
  });

  it('limits only the configured host, and limitHost adds one later', async () => {
    // One request per 1000 s for the configured host: were it applied to the fake's host, the three
    // requests below would never finish, so their finishing is the assertion (no wall-clock bound).
    const client = createHttpClient({
      ...fast,
      hostLimits: { 'export.arxiv.org': { ratePerSecond: 0.001, burst: 1 } },
    });
    const before = arxiv.requestsTo('/api/query').length;
    await Promise.all([0, 1, 2].map(() => client.getText(queryUrl(), { operation: 'arXiv query' })));
    expect(arxiv.requestsTo('/api/query').length - before).toBe(3);
    client.limitHost(new URL(hub.url).host, { ratePerSecond: 10 });
    const started = performance.now();
    for (let i = 0; i < 3; i++) await client.getText(`${hub.url}/api/datasets?limit=1`, { operation: 'HF' });
    expect(performance.now() - started).toBeGreaterThanOrEqual(190);
  });

  it('hands accepted error statuses back to the caller', async () => {
    const response = await createHttpClient(fast).request(`${hub.url}/api/datasets/none/none`, {
      operation: 'HF detail',
      acceptStatus: [404],
    });
    expect(response.status).toBe(404);
    expect(JSON.parse(response.text())).toEqual({ error: 'Repository not found' });
  });
});

describe('bodySnippet', () => {
  it('drops markup so the message of an XML or HTML error page shows', () => {
    const html = `<!DOCTYPE html><html><head><style>${'p{}'.repeat(200)}</style><script>var x = 1;</script></head><body><h1>Bad Gateway</h1><p>upstream &amp; proxy failed</p></body></html>`;
    expect(bodySnippet(html)).toBe('Bad Gateway upstream & proxy failed');
  });

  it('keeps plain and JSON bodies, collapsed and capped', () => {
    expect(bodySnippet('{"error":\n  "Repository not found"}')).toBe('{"error": "Repository not found"}');
    expect(bodySnippet('x'.repeat(1000))).toHaveLength(300);
  });
});
