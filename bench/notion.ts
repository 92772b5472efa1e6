/**
 * `npx tsx bench/notion.ts [--papers N]`: publishes N real arXiv papers (default 500) with
 * summaries to the Notion fake, which enforces Notion's rate limit (3 requests/s average,
 * bursts of 3, 429 + Retry-After beyond). Reports the requests made, the total time and the
 * floor (requests needed ÷ 3 per second). Target: within 15% of the floor.
 * Env: RADAR_BENCH_ARXIV (data dir, default ../shared/data/arxiv).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDatabase } from '../src/adapters/notion/init-migrate.ts';
import { createNotionApi } from '../src/adapters/notion/notion-client.ts';
import { createNotionPublisher } from '../src/adapters/notion/notion-publisher.ts';
import { PAPERS_DATABASE } from '../src/adapters/notion/schema.ts';
import type { StoredSummary } from '../src/core/summary.ts';
import { silentLogger } from '../src/log/logger.ts';
import type { PublishItem } from '../src/publish/publisher.ts';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { startNotionFake } from '../tests/fakes/notion-fake.ts';
import { type CorpusPaper, loadCorpus } from './corpus.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const RATE = 3;

function argN(): number {
  const i = process.argv.indexOf('--papers');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 500;
  if (!Number.isInteger(n) || n < 1) throw new Error('--papers takes a positive integer');
  return n;
}

function summaryOf(p: CorpusPaper): StoredSummary {
  const sentences = p.abstract.replace(/\s+/g, ' ').split(/(?<=\.)\s+/);
  const part = (from: number, to: number) => sentences.slice(from, to).join(' ') || p.title;
  return {
    id: p.id,
    one_sentence_summary: sentences[0] ?? p.title,
    problem_background: part(0, 2),
    method: part(2, 4),
    experiment: part(4, 7),
    key_contributions: sentences.slice(1, 4),
    datasets_and_benchmarks: ['a benchmark'],
    limitations: ['extractive bench summary'],
    further_thoughts: part(7, 9),
    institutions: [],
    code_and_data_links: [`https://github.com/example/${p.id}`],
    tags: p.categories.slice(0, 3).concat(['bench', 'notion', 'paper']).slice(0, 5),
    slug: 'bench-paper',
    model: 'bench/extractive',
    promptHash: 'bench',
    source: 'extractive',
    textRoute: 'abstract',
    at: new Date().toISOString(),
  };
}

function itemOf(p: CorpusPaper, previous: CorpusPaper | undefined): PublishItem {
  const id = p.id.replace(/v\d+$/, '');
  return {
    paper: {
      id,
      version: 1,
      title: p.title,
      abstract: p.abstract,
      authors: ['Bench Author'],
      categories: p.categories,
      primaryCategory: p.categories[0] ?? 'cs.LG',
      published: p.published,
      updated: p.published,
      absUrl: `https://arxiv.org/abs/${id}`,
      pdfUrl: `https://arxiv.org/pdf/${id}`,
    },
    summary: { ...summaryOf(p), id },
    pick: { score: 0.5, reason: 'top', model: 'hashing' },
    related: previous
      ? [{ id: previous.id.replace(/v\d+$/, ''), title: previous.title, relation: 'same-task' }]
      : [],
  };
}

async function main(): Promise<void> {
  const n = argN();
  const corpus = loadCorpus(resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv')).slice(-n);
  const items = corpus.map((p, i) => itemOf(p, corpus[i - 1]));
  const fake = await startNotionFake({ rateLimit: { perSecond: RATE, burst: RATE } });
  const stateDir = mkdtempSync(join(tmpdir(), 'radar-bench-notion-'));
  try {
    const mapStore = createNotionMapStore(stateDir);
    const api = createNotionApi({
      token: 'secret_bench',
      baseUrl: fake.url,
      requestsPerSecond: RATE,
      logger: silentLogger(),
    });
    const { dataSourceId } = await ensureDatabase({ api, mapStore }, PAPERS_DATABASE, {
      parentPageId: fake.rootPageId,
    });
    const before = fake.stats();
    const start = performance.now();
    const { results } = await createNotionPublisher(
      { api, mapStore, logger: silentLogger() },
      { dataSourceId },
    ).publish('bench', items);
    const seconds = (performance.now() - start) / 1000;
    const after = fake.stats();
    const requests = after.requests - before.requests;
    const limited = after.rateLimited - before.rateLimited;
    const needed = requests - limited;
    const floor = needed / RATE;
    const failed = results.filter((r) => !r.ok).length;
    out(
      `notion publish: ${items.length} papers (${failed} failed), ${fake.pages(dataSourceId).length} pages in the fake`,
    );
    out(`requests: ${requests} (${needed} needed, ${limited} answered 429)`);
    out(
      `time: ${seconds.toFixed(1)} s; floor ${needed} ÷ ${RATE}/s = ${floor.toFixed(1)} s; ratio ${(seconds / floor).toFixed(3)} (target ≤ 1.15)`,
    );
  } finally {
    await fake.close();
    rmSync(stateDir, { recursive: true, force: true });
  }
}

await main();
