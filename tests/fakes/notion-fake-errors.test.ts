import { APIResponseError, RequestTimeoutError, UnknownHTTPResponseError } from '@notionhq/client';
import { afterEach, describe, expect, it } from 'vitest';
import { type NotionFake, type NotionFakeOptions, startNotionFake } from './notion-fake.ts';
import { createRadarDataSource, notionClient, rejection, title } from './notion-fake-sdk.ts';

let fake: NotionFake | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(options: NotionFakeOptions = {}): Promise<NotionFake> {
  fake = await startNotionFake(options);
  return fake;
}

describe('notion fake faults and the SDK retry policy', () => {
  const rateLimited = { status: 429, code: 'rate_limited', retryAfter: 0 };

  it('retries a Notion-shaped 429 storm up to maxRetries (default 2) then gives up', async () => {
    const server = await start();
    server.injectError({ ...rateLimited, times: 2 });
    const me = await notionClient(server).users.me({});
    expect(me.object).toBe('user');
    expect(server.requestsTo('/v1/users/me')).toHaveLength(3);

    server.injectError({ ...rateLimited, times: 3 });
    const error = await rejection(notionClient(server).users.me({}));
    expect(error).toBeInstanceOf(APIResponseError);
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(server.requestsTo('/v1/users/me')).toHaveLength(6);
  });

  it('waits Retry-After seconds before retrying', async () => {
    const server = await start();
    server.injectError({ ...rateLimited, retryAfter: 1 });
    const started = Date.now();
    await notionClient(server).users.me({});
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it('does not retry a 429 whose body is not Notion-shaped', async () => {
    const server = await start();
    server.inject({ fault: { kind: 'status', status: 429, retryAfter: 0 } });
    const error = await rejection(notionClient(server).users.me({}));
    expect(error).toBeInstanceOf(UnknownHTTPResponseError);
    expect(server.requests).toHaveLength(1);
  });

  it('survives its own token-bucket rate limit through SDK retries', async () => {
    const server = await start({ rateLimit: { perSecond: 5, burst: 2 } });
    const notion = notionClient(server, { retry: { maxRetries: 10, maxRetryDelayMs: 100 } });
    const results = await Promise.all(Array.from({ length: 6 }, () => notion.users.me({})));
    expect(results).toHaveLength(6);
    const stats = server.stats();
    expect(stats.rateLimited).toBeGreaterThan(0);
    expect(stats.requests).toBe(6 + stats.rateLimited);
    const limited = server.requests.length - 6;
    expect(limited).toBe(stats.rateLimited);
  });

  it('retries a 500 on GET but not on POST', async () => {
    const server = await start();
    const notion = notionClient(server);
    const page = await notion.pages.create({
      parent: { page_id: server.rootPageId },
      properties: { title: title('p') },
    });
    const serverError = { status: 500, code: 'internal_server_error' };

    server.injectError(serverError);
    const retrieved = await notion.pages.retrieve({ page_id: page.id });
    expect(retrieved.id).toBe(page.id);
    expect(server.requestsTo(`/v1/pages/${page.id}`, 'GET')).toHaveLength(2);

    server.injectError(serverError);
    const error = await rejection(
      notion.pages.create({ parent: { page_id: server.rootPageId }, properties: {} }),
    );
    expect(error).toMatchObject({ code: 'internal_server_error', status: 500 });
    expect(server.requestsTo('/v1/pages', 'POST')).toHaveLength(2);
  });

  it('raises RequestTimeoutError when the answer is slower than timeoutMs', async () => {
    const server = await start();
    server.inject({ fault: { kind: 'delay', ms: 2_000 } });
    const error = await rejection(notionClient(server, { timeoutMs: 100 }).users.me({}));
    expect(error).toBeInstanceOf(RequestTimeoutError);
  });

  it('throws a plain SyntaxError on a malformed 200 body', async () => {
    const server = await start();
    server.inject({ fault: { kind: 'malformed' } });
    const error = await rejection(notionClient(server).users.me({}));
    expect(error).toBeInstanceOf(SyntaxError);
  });
});

describe('notion fake validation and auth errors', () => {
  it('validates rich text length, property names and types like Notion', async () => {
    const server = await start();
    const notion = notionClient(server);
    const dataSourceId = await createRadarDataSource(notion, server);
    const parent = { data_source_id: dataSourceId };

    const tooLong = await rejection(
      notion.pages.create({
        parent,
        properties: { Title: title('x'), Summary: { rich_text: [{ text: { content: 'a'.repeat(2001) } }] } },
      }),
    );
    expect(tooLong).toBeInstanceOf(APIResponseError);
    expect(tooLong).toMatchObject({
      code: 'validation_error',
      message: expect.stringContaining(
        'rich_text[0].text.content.length should be ≤ `2000`, instead was `2001`',
      ),
    });

    const unknown = await rejection(
      notion.pages.create({ parent, properties: { Title: title('x'), Nope: { number: 1 } } }),
    );
    expect(unknown).toMatchObject({
      code: 'validation_error',
      message: 'Nope is not a property that exists.',
    });

    const wrongType = await rejection(
      notion.pages.create({ parent, properties: { Summary: { number: 3 } } }),
    );
    expect(wrongType).toMatchObject({
      code: 'validation_error',
      message: 'Summary is expected to be rich_text.',
    });

    const badFilter = await rejection(
      notion.dataSources.query({
        data_source_id: dataSourceId,
        filter: { property: 'Missing', rich_text: { equals: 'x' } },
      }),
    );
    expect(badFilter).toMatchObject({ code: 'validation_error' });
    expect(server.pages(dataSourceId)).toHaveLength(0);
  });

  it('answers 401 for a bad token, 400 missing_version without the header, 404 for unknown ids', async () => {
    const server = await start();
    const unauthorized = await rejection(notionClient(server, { auth: 'not-a-token' }).users.me({}));
    expect(unauthorized).toBeInstanceOf(APIResponseError);
    expect(unauthorized).toMatchObject({ code: 'unauthorized', status: 401 });

    const raw = await fetch(`${server.url}/v1/users/me`, {
      headers: { authorization: 'Bearer secret_test' },
    });
    expect(raw.status).toBe(400);
    expect(await raw.json()).toMatchObject({ object: 'error', status: 400, code: 'missing_version' });

    const notion = notionClient(server);
    const missing = await rejection(
      notion.pages.retrieve({ page_id: '00000000-0000-0000-0000-000000000000' }),
    );
    expect(missing).toMatchObject({ code: 'object_not_found', status: 404 });

    const me = await notion.users.me({});
    expect(me).toMatchObject({ object: 'user', type: 'bot' });
    const found = await notion.search({ query: 'research', filter: { property: 'object', value: 'page' } });
    expect(found.results.map((r) => r.id)).toEqual([server.rootPageId]);
  });
});
