import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HttpStatusError } from '../../src/http/errors.ts';
import { createHttpClient } from '../../src/http/http-client.ts';
import {
  type HubDataset,
  type HuggingFaceFake,
  loadFixtureDatasets,
  startHuggingFaceFake,
} from './huggingface-fake.ts';
import { parseLinkHeader } from './link-header.ts';

const client = createHttpClient({ retry: { retries: 0 }, timeoutMs: 5000 });
const listSchema = z.array(
  z.looseObject({ id: z.string(), downloads: z.number().optional(), tags: z.array(z.string()).optional() }),
);
const detailSchema = z.looseObject({
  id: z.string(),
  siblings: z.array(z.object({ rfilename: z.string() })),
  cardData: z.record(z.string(), z.unknown()),
});

function many(n: number): HubDataset[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `org${i % 3}/set-${String(i).padStart(2, '0')}`,
    author: `org${i % 3}`,
    downloads: (i * 37) % 101,
    likes: i,
    tags:
      i % 2 === 0
        ? ['task_categories:text-generation', 'language:en']
        : ['task_categories:question-answering'],
    lastModified: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
  }));
}

let fake: HuggingFaceFake;
beforeAll(async () => {
  fake = await startHuggingFaceFake({ token: 'hf_test' });
});
afterAll(() => fake.close());

describe('Hugging Face fake', () => {
  it('lists the recorded datasets, without card data unless full=true', async () => {
    const list = await client.getJson(`${fake.url}/api/datasets?search=squad`, listSchema, {
      operation: 'HF list',
    });
    expect(list.map((d) => d.id)).toEqual(['rajpurkar/squad', 'rajpurkar/squad_v2']);
    const compact = await client.getJson(`${fake.url}/api/datasets?search=OpenMath`, listSchema, {
      operation: 'HF list',
    });
    expect(compact[0]).not.toHaveProperty('cardData');
    fake.addDataset({
      ...(loadFixtureDatasets()[2] ?? { id: 'x/y' }),
      id: 'nvidia/with-card',
      cardData: { license: 'mit' },
    });
    const full = await client.getJson(`${fake.url}/api/datasets?search=with-card&full=true`, listSchema, {
      operation: 'HF list',
    });
    expect(full[0]?.cardData).toEqual({ license: 'mit' });
  });

  it('pages through the Link header with a cursor', async () => {
    fake.setDatasets(many(25));
    const ids: string[] = [];
    let url: string | undefined =
      `${fake.url}/api/datasets?filter=task_categories:text-generation&sort=downloads&direction=-1&limit=5`;
    let pages = 0;
    while (url) {
      const response = await client.request(url, { operation: 'HF list' });
      const page = listSchema.parse(JSON.parse(response.text()));
      expect(page.length).toBeLessThanOrEqual(5);
      ids.push(...page.map((d) => d.id));
      url = parseLinkHeader(response.headers.get('link')).next;
      pages += 1;
    }
    const expected = many(25)
      .filter((d) => d.tags?.includes('task_categories:text-generation'))
      .sort((a, b) => (b.downloads ?? 0) - (a.downloads ?? 0))
      .map((d) => d.id);
    expect(ids).toEqual(expected);
    expect(pages).toBe(3);
    const cursors = fake.requestsTo('/api/datasets').map((r) => r.query.get('cursor'));
    expect(cursors.filter(Boolean)).toHaveLength(2);
  });

  it('filters by author and sorts ascending without direction', async () => {
    fake.setDatasets(many(9));
    const list = await client.getJson(`${fake.url}/api/datasets?author=org1&sort=likes`, listSchema, {
      operation: 'HF list',
    });
    expect(list.map((d) => d.id)).toEqual(['org1/set-01', 'org1/set-04', 'org1/set-07']);
  });

  it('serves the recorded detail and a dataset card', async () => {
    fake.setDatasets(loadFixtureDatasets());
    const detail = await client.getJson(`${fake.url}/api/datasets/nvidia/OpenMathInstruct-2`, detailSchema, {
      operation: 'HF detail',
    });
    expect(detail.siblings.map((s) => s.rfilename)).toContain('README.md');
    expect(detail.cardData).toHaveProperty('license', 'cc-by-4.0');
    const card = await client.getText(`${fake.url}/datasets/nvidia/OpenMathInstruct-2/raw/main/README.md`, {
      operation: 'HF card',
    });
    expect(card).toMatch(/^---\n[\s\S]*license: cc-by-4.0[\s\S]*\n---\n/);
    fake.setCard('rajpurkar/squad', '# SQuAD\n');
    expect(
      await client.getText(`${fake.url}/datasets/rajpurkar/squad/resolve/main/README.md`, {
        operation: 'HF card',
      }),
    ).toBe('# SQuAD\n');
  });

  it('answers 404 in the Hub error shape', async () => {
    const error = await client
      .getJson(`${fake.url}/api/datasets/nobody/nothing`, detailSchema, { operation: 'HF detail' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error instanceof HttpStatusError && error.status).toBe(404);
    const raw = await client.request(`${fake.url}/api/datasets/nobody/nothing`, {
      operation: 'HF',
      acceptStatus: [404],
    });
    expect(JSON.parse(raw.text())).toEqual({ error: 'Repository not found' });
    expect(raw.headers.get('x-error-code')).toBe('RepoNotFound');
    fake.setCard('rajpurkar/squad', null);
    const missing = await client.request(`${fake.url}/datasets/rajpurkar/squad/raw/main/README.md`, {
      operation: 'HF',
      acceptStatus: [404],
    });
    expect(missing.headers.get('x-error-code')).toBe('EntryNotFound');
  });

  it('records bearer tokens and refuses a wrong one', async () => {
    await client.getText(`${fake.url}/api/datasets?limit=1`, {
      operation: 'HF',
      headers: { authorization: 'Bearer hf_test' },
    });
    const error = await client
      .getText(`${fake.url}/api/datasets?limit=1`, {
        operation: 'HF',
        headers: { authorization: 'Bearer hf_wrong' },
      })
      .catch((e: unknown) => e);
    expect(error instanceof HttpStatusError && error.status).toBe(401);
    expect(fake.bearerTokens().slice(-2)).toEqual(['hf_test', 'hf_wrong']);
  });

  it('rejects a bad cursor with 400', async () => {
    const response = await client.request(`${fake.url}/api/datasets?cursor=%%%`, {
      operation: 'HF',
      acceptStatus: [400],
    });
    expect(response.status).toBe(400);
  });
});
