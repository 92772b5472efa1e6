/**
 * Benchmark candidates from the Hugging Face Hub: datasets found by id search (keywords and the
 * bench/eval stems), by tag (`filter=benchmark`) and by task category, most recently modified first
 * (paging through `Link: rel="next"` until older than the window), kept when created within the
 * window, downloaded enough and when their card reads as an evaluation set (not a run dump or a
 * results table).
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
import type { HttpClient } from '../../http/http-client.ts';
import { parseLinkHeader } from '../../http/link-header.ts';
import type { Logger } from '../../log/logger.ts';
import { cardStrings, classifyDatasetCard, type DatasetCard, parseCard } from './hf-card.ts';

const HubItem = z.looseObject({
  id: z.string(),
  tags: z.array(z.string()).default([]),
  downloads: z.number().optional(),
  likes: z.number().optional(),
  lastModified: z.string().optional(),
  createdAt: z.string().optional(),
  cardData: z.record(z.string(), z.unknown()).optional(),
  description: z.string().optional(),
});
type HubItem = z.infer<typeof HubItem>;
const HubList = z.array(HubItem);

export interface HfDatasetsSourceDeps {
  http: HttpClient;
  logger: Logger;
  now?: () => Date;
}

export interface HfDatasetsSourceOptions {
  endpoint: string;
  token?: string | undefined;
  /** Searched in dataset ids (a substring match: "bench" finds …Bench and benchmark datasets). */
  keywords: readonly string[];
  /** Listed by tag (the Hub's `filter`): datasets whose id carries no keyword. */
  tags?: readonly string[];
  taskCategories: readonly string[];
  minDownloads: number;
  /** Datasets last modified before this are not looked at. */
  since: Date;
  maxPages: number;
  pageSize?: number;
  /** Cards read per run at most, most downloaded first (default 150): bounds the requests. */
  maxCards?: number;
}

const SITE = 'https://huggingface.co';

const isoOrNull = (value: string | undefined): string | null => {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
};

const tagValues = (tags: readonly string[], prefix: string): string[] =>
  tags.filter((t) => t.startsWith(`${prefix}:`)).map((t) => t.slice(prefix.length + 1));

function describe(item: HubItem, card: DatasetCard): string {
  const text = item.description ?? card.body.replace(/^#.*$/gm, '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 1000);
}

export function datasetCandidate(item: HubItem, card: DatasetCard, now: Date): BenchmarkCandidate {
  const url = `${SITE}/datasets/${item.id}`;
  const tags = [...item.tags, ...cardStrings(card.data, 'tags')];
  const task = [
    ...new Set([...tagValues(item.tags, 'task_categories'), ...cardStrings(card.data, 'task_categories')]),
  ];
  const description = describe(item, card);
  const arxiv = extractArxivIds(`${item.tags.join(' ')} ${card.body}`).map((id) => `arxiv.org/abs/${id}`);
  const modality = tagValues(item.tags, 'modality');
  const name = item.id.split('/').at(-1) ?? item.id;
  const pretty = cardStrings(card.data, 'pretty_name')[0];
  return {
    id: candidateId('huggingface', url),
    source: 'huggingface',
    url,
    name,
    title: pretty ?? item.id,
    description,
    task,
    modality: modality.length > 0 ? modality : guessModality(`${task.join(' ')} ${description}`),
    metrics: guessMetrics(card.body),
    size: tagValues(item.tags, 'size_categories')[0] ?? cardStrings(card.data, 'size_categories')[0] ?? null,
    license: tagValues(item.tags, 'license')[0] ?? cardStrings(card.data, 'license')[0] ?? null,
    createdAt: isoOrNull(item.createdAt),
    updatedAt: isoOrNull(item.lastModified),
    firstSeenAt: now.toISOString(),
    popularity: {
      ...(item.downloads !== undefined ? { downloads: item.downloads } : {}),
      ...(item.likes !== undefined ? { likes: item.likes } : {}),
    },
    links: [...new Set([normalizeUrl(url), ...arxiv, ...extractUrls(card.body)])],
    keywords: [...new Set([...task, ...tags.filter((t) => !t.includes(':'))].map((t) => t.toLowerCase()))],
  };
}

export function createHfDatasetsSource(
  deps: HfDatasetsSourceDeps,
  options: HfDatasetsSourceOptions,
): BenchmarkSource {
  const log = deps.logger.child({ module: 'hf-datasets' });
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const base = options.endpoint.replace(/\/+$/, '');

  const queries = (): URLSearchParams[] => [
    ...options.keywords.map((k) => new URLSearchParams({ search: k })),
    ...(options.tags ?? []).map((t) => new URLSearchParams({ filter: t })),
    ...options.taskCategories.map((c) => new URLSearchParams({ filter: `task_categories:${c}` })),
  ];

  async function list(query: URLSearchParams, counts: Record<string, number>, signal?: AbortSignal) {
    const found: HubItem[] = [];
    for (const [k, v] of Object.entries({ sort: 'lastModified', direction: '-1', full: 'true' }))
      query.set(k, v);
    query.set('limit', String(options.pageSize ?? 100));
    let url: string | undefined = `${base}/api/datasets?${query.toString()}`;
    for (let page = 0; url !== undefined && page < options.maxPages; page++) {
      const response = await deps.http.request(url, {
        operation: 'Hugging Face dataset search',
        headers,
        ...(signal ? { signal } : {}),
      });
      counts.requests = (counts.requests ?? 0) + 1;
      const items = HubList.parse(JSON.parse(response.text()));
      const recent = items.filter((d) => Date.parse(d.lastModified ?? '') >= options.since.getTime());
      found.push(...recent);
      if (recent.length < items.length) break;
      url = parseLinkHeader(response.headers.get('link')).next;
    }
    return found;
  }

  async function card(
    item: HubItem,
    counts: Record<string, number>,
    signal?: AbortSignal,
  ): Promise<DatasetCard> {
    const response = await deps.http.request(`${base}/datasets/${item.id}/raw/main/README.md`, {
      operation: 'Hugging Face dataset card',
      headers,
      acceptStatus: [404],
      ...(signal ? { signal } : {}),
    });
    counts.requests = (counts.requests ?? 0) + 1;
    if (response.status === 404) return { data: item.cardData ?? {}, body: '' };
    return parseCard(response.text());
  }

  return {
    name: 'huggingface',
    async collect(signal): Promise<SourceCollection> {
      const counts: Record<string, number> = {
        requests: 0,
        listed: 0,
        belowMinDownloads: 0,
        notEvaluation: 0,
      };
      const byId = new Map<string, HubItem>();
      for (const query of queries())
        for (const item of await list(query, counts, signal)) byId.set(item.id, item);
      counts.listed = byId.size;
      const candidates: BenchmarkCandidate[] = [];
      // Modified lately but created long before the window: an old dataset, not a new benchmark.
      const fresh = [...byId.values()].filter(
        (d) => d.createdAt === undefined || !(Date.parse(d.createdAt) < options.since.getTime()),
      );
      counts.stale = byId.size - fresh.length;
      const popular = fresh.filter((d) => (d.downloads ?? 0) >= options.minDownloads);
      counts.belowMinDownloads = fresh.length - popular.length;
      popular.sort((a, b) => (b.downloads ?? 0) - (a.downloads ?? 0));
      counts.cardsSkipped = Math.max(0, popular.length - (options.maxCards ?? 150));
      for (const item of popular.slice(0, options.maxCards ?? 150)) {
        const parsed = await card(item, counts, signal);
        const verdict = classifyDatasetCard({
          id: item.id,
          tags: item.tags,
          card: parsed,
          description: item.description ?? '',
        });
        if (!verdict.evaluation) {
          counts.notEvaluation = (counts.notEvaluation ?? 0) + 1;
          log.debug({ id: item.id, reasons: verdict.reasons }, 'not an evaluation set');
          continue;
        }
        candidates.push(datasetCandidate(item, parsed, (deps.now ?? (() => new Date()))()));
      }
      counts.candidates = candidates.length;
      return { candidates, counts };
    },
  };
}
