/**
 * `npx tsx bench/search.ts`: quality and speed of search.
 *
 * 1. Dev bank (no labels): known-item queries over the 20k real abstracts of ../shared/data/arxiv,
 *    written as a BEIR collection (so the same code path as `radar search --beir` runs):
 *    - `contrib`: an abstract's contribution sentence ("We propose …"), removed from that
 *      paper's text in the corpus, so the query must match the rest of the paper;
 *    - `keywords`: three content words of the title, lowercased, shuffled (a typed query).
 *    nDCG@10, recall@100 and MRR per algorithm.
 * 2. Scale: BM25 index build over BENCH_N (100k) mixed abstracts (CPU time, RSS), its file size,
 *    appending 500 papers, and warm query latency p50/p95 for BM25 and hybrid (HNSW).
 *
 * Env: RADAR_BENCH_ARXIV (data dir), BENCH_N (default 100000), BENCH_QUERIES (default 300),
 * BEIR_DIR (optional: also score BM25 on an external BEIR collection, e.g. SciFact).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fitIdf, idfWeights, vectorize } from '../src/embed/text-features.ts';
import { createVectorIndex, DEFAULT_HNSW } from '../src/index/vector-index.ts';
import { createRandom, sampleIndices } from '../src/rank/prng.ts';
import { appendDocuments } from '../src/search/bm25/inverted-index.ts';
import { createMemoryCorpus } from '../src/search/corpus.ts';
import { createSearchEngine } from '../src/search/create-engine.ts';
import type { OpenVectorSearcher } from '../src/search/engines/vector-engine.ts';
import { analyzeDocument, analyzerOptionsOf, createLexicalBuilder } from '../src/search/lexical-index.ts';
import type { SearchDocument } from '../src/search/search-port.ts';
import { Bm25Parameters, type SearchVersion } from '../src/search/search-version.ts';
import { openBeirCollection, type Qrels, readBeirDocuments } from '../src/store/beir-collection.ts';
import { encodeSearchIndex } from '../src/store/search-index-store.ts';
import { tokenize } from '../src/text/tokenize.ts';
import { type CorpusPaper, loadCorpus, mixedTexts } from './corpus.ts';
import { queryLatency } from './query-latency.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const DIMS = 384;
const CONTRIBUTION = /\b(we|this paper|this work|our)\s+(propose|introduce|present|develop|design)/i;

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((s) => s.length > 0);
}

interface Bank {
  dir: string;
  docs: SearchDocument[];
  kinds: Map<string, string>;
}

/** Writes the dev bank as a BEIR collection and returns it. */
function buildDevBank(papers: readonly CorpusPaper[], count: number): Bank {
  const random = createRandom(13);
  const docs = new Map(papers.map((p) => [p.id, { id: p.id, title: p.title, text: p.abstract }]));
  const queries: { _id: string; text: string }[] = [];
  const qrels: string[] = ['query-id\tcorpus-id\tscore'];
  const kinds = new Map<string, string>();
  for (const i of sampleIndices(papers.length, Math.min(papers.length, count * 3), random)) {
    if (queries.length >= 2 * count) break;
    const p = papers[i] as CorpusPaper;
    const parts = sentences(p.abstract);
    const at = parts.findIndex((s) => CONTRIBUTION.test(s));
    const words = [...new Set(p.title.toLowerCase().match(/[\p{L}\p{N}-]{4,}/gu) ?? [])];
    if (at < 0 || parts.length < 3 || words.length < 3) continue;
    docs.set(p.id, { id: p.id, title: p.title, text: parts.filter((_, j) => j !== at).join(' ') });
    const picked = sampleIndices(words.length, 3, random).map((j) => words[j] as string);
    queries.push(
      { _id: `c-${p.id}`, text: parts[at] as string },
      { _id: `k-${p.id}`, text: picked.join(' ') },
    );
    kinds.set(`c-${p.id}`, 'contrib');
    kinds.set(`k-${p.id}`, 'keywords');
    qrels.push(`c-${p.id}\t${p.id}\t1`, `k-${p.id}\t${p.id}\t1`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'radar-devbank-'));
  mkdirSync(join(dir, 'qrels'));
  const corpus = [...docs.values()].map((d) => JSON.stringify({ _id: d.id, title: d.title, text: d.text }));
  writeFileSync(join(dir, 'corpus.jsonl'), `${corpus.join('\n')}\n`);
  writeFileSync(join(dir, 'queries.jsonl'), `${queries.map((q) => JSON.stringify(q)).join('\n')}\n`);
  writeFileSync(join(dir, 'qrels', 'test.tsv'), `${qrels.join('\n')}\n`);
  return { dir, docs: [...docs.values()], kinds };
}

function ndcgAt(ranked: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    dcg += (2 ** (judged.get(id) ?? 0) - 1) / Math.log2(i + 2);
  });
  const ideal = [...judged.values()].sort((a, b) => b - a).slice(0, k);
  const idcg = ideal.reduce((s, g, i) => s + (2 ** g - 1) / Math.log2(i + 2), 0);
  return idcg > 0 ? dcg / idcg : 0;
}

function recallAt(ranked: readonly string[], judged: ReadonlyMap<string, number>, k: number): number {
  const relevant = [...judged].filter(([, g]) => g > 0).map(([id]) => id);
  const top = new Set(ranked.slice(0, k));
  return relevant.length > 0 ? relevant.filter((id) => top.has(id)).length / relevant.length : 0;
}

function mrr(ranked: readonly string[], judged: ReadonlyMap<string, number>): number {
  const at = ranked.findIndex((id) => (judged.get(id) ?? 0) > 0);
  return at < 0 ? 0 : 1 / (at + 1);
}

/** Brute-force cosine over hashing vectors: exact, for quality figures. */
function hashingVectors(docs: readonly SearchDocument[]): OpenVectorSearcher {
  const texts = docs.map((d) => `${d.title}. ${d.text}`);
  const weights = idfWeights(fitIdf(texts));
  const matrix = texts.map((t) => vectorize(t, DIMS, weights));
  return async () => ({
    model: 'hashing-384',
    async nearest(query, k) {
      const q = vectorize(query, DIMS, weights);
      const scored = matrix.map((v, i) => {
        let dot = 0;
        for (let j = 0; j < DIMS; j++) dot += (v[j] ?? 0) * (q[j] ?? 0);
        return { id: docs[i]?.id ?? '', score: dot };
      });
      return scored.sort((a, b) => b.score - a.score).slice(0, k);
    },
  });
}

async function scoreVersions(
  title: string,
  docs: readonly SearchDocument[],
  queries: readonly { id: string; text: string }[],
  qrels: Qrels,
  versions: readonly SearchVersion[],
  kinds?: ReadonlyMap<string, string>,
): Promise<void> {
  const corpus = createMemoryCorpus(docs);
  const vectors = hashingVectors(docs);
  out(`\n${title}: ${docs.length} documents, ${queries.length} judged queries`);
  out('version                      kind       nDCG@10  recall@100  MRR    ms/query');
  for (const version of versions) {
    const engine = await createSearchEngine(version, { corpus, vectors });
    await engine.search('warm', { k: 1, snippets: false });
    const sums = new Map<string, { n: number; ndcg: number; recall: number; mrr: number; ms: number }>();
    for (const q of queries) {
      const judged = qrels.get(q.id);
      if (!judged) continue;
      const t0 = performance.now();
      const ranked = (await engine.search(q.text, { k: 100, snippets: false })).hits.map((h) => h.id);
      const ms = performance.now() - t0;
      for (const kind of ['all', kinds?.get(q.id)]) {
        if (!kind) continue;
        const s = sums.get(kind) ?? { n: 0, ndcg: 0, recall: 0, mrr: 0, ms: 0 };
        s.n += 1;
        s.ndcg += ndcgAt(ranked, judged, 10);
        s.recall += recallAt(ranked, judged, 100);
        s.mrr += mrr(ranked, judged);
        s.ms += ms;
        sums.set(kind, s);
      }
    }
    for (const [kind, s] of sums) {
      const f = (x: number) => (x / s.n).toFixed(3);
      out(
        `${version.name.padEnd(28)} ${kind.padEnd(10)} ${f(s.ndcg)}    ${f(s.recall)}       ${f(s.mrr)}  ${(s.ms / s.n).toFixed(2)}`,
      );
    }
  }
}

const VERSIONS: SearchVersion[] = [
  { name: 'bm25 (k1 .9 b .4, both)', algorithm: 'bm25' },
  { name: 'bm25 compounds=parts', algorithm: 'bm25', parameters: { compounds: 'parts' } },
  { name: 'bm25 k1 1.2 b .75', algorithm: 'bm25', parameters: { k1: 1.2, b: 0.75 } },
  { name: 'bm25 title x2', algorithm: 'bm25', parameters: { titleWeight: 2 } },
  { name: 'vector (hashing-384)', algorithm: 'vector' },
  { name: 'hybrid rrf', algorithm: 'hybrid' },
  {
    name: 'hybrid weighted .7/.3',
    algorithm: 'hybrid',
    parameters: { fusion: 'weighted', bm25Weight: 0.7, vectorWeight: 0.3 },
  },
];

function cpuSeconds<T>(fn: () => T): [T, number, number] {
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const used = process.cpuUsage(cpu);
  return [value, (used.user + used.system) / 1e6, (performance.now() - t0) / 1000];
}

async function scale(papers: readonly CorpusPaper[], n: number, queries: readonly string[]): Promise<void> {
  const texts = mixedTexts(papers, n, 7);
  const docs = texts.map((text, i) => ({ id: `m${i}`, title: '', text }));
  const options = analyzerOptionsOf(Bm25Parameters.parse({}));
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  const [lexical, cpu, wall] = cpuSeconds(() => {
    const builder = createLexicalBuilder(options);
    for (const doc of docs) {
      builder.add(doc);
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    return builder.finish();
  });
  clearInterval(timer);
  const bytes = encodeSearchIndex({ analyzer: lexical.signature, shards: {}, index: lexical.index });
  out(`\nScale: ${n} mixed abstracts`);
  out(
    `BM25 index build: CPU ${cpu.toFixed(2)} s (wall ${wall.toFixed(2)} s); RSS ${(rssBefore / 2 ** 20).toFixed(0)} → peak ${(peak / 2 ** 20).toFixed(0)} MB (whole process, texts included)`,
  );
  out(
    `  ${lexical.index.terms.length} terms, ${lexical.index.postingDocs.length} postings, index file ${(bytes.length / 2 ** 20).toFixed(1)} MB`,
  );
  const day = mixedTexts(papers, 500, 99).map((text, i) => ({ id: `day${i}`, title: '', text }));
  const [, addCpu, addWall] = cpuSeconds(() =>
    appendDocuments(
      lexical.index,
      day.map((d) => analyzeDocument(d, lexical.analyze)),
      new Map(lexical.vocabulary),
    ),
  );
  out(`append 500 papers: CPU ${addCpu.toFixed(2)} s (wall ${addWall.toFixed(2)} s), encoding excluded`);
  const corpus = createMemoryCorpus(docs);
  // The persisted index above is the one the corpus would load: reuse it rather than build twice.
  corpus.lexical = async () => lexical;
  const bm25 = await createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus });
  const latency = async (engine: typeof bm25): Promise<string> => {
    const l = await queryLatency(engine, queries);
    const cpu = `CPU p50 ${l.cpuP50.toFixed(2)} ms, p95 ${l.cpuP95.toFixed(2)} ms`;
    return `${cpu}; wall p50 ${l.wallP50.toFixed(2)} ms, p95 ${l.wallP95.toFixed(2)} ms`;
  };
  out(`BM25 query (k 10, snippets on), warm: ${await latency(bm25)}`);
  const weights = idfWeights(fitIdf(texts));
  const hnsw = createVectorIndex(DIMS, { ...DEFAULT_HNSW, efConstruction: 100, efSearch: 64 }, n);
  const [, hnswCpu] = cpuSeconds(() => {
    for (let start = 0; start < n; start += 5000) {
      const ids = docs.slice(start, start + 5000).map((d) => d.id);
      const data = new Float32Array(ids.length * DIMS);
      ids.forEach((_, r) => {
        data.set(vectorize(texts[start + r] ?? '', DIMS, weights), r * DIMS);
      });
      hnsw.add({ ids, dims: DIMS, data });
    }
  });
  out(`(HNSW over ${n} hashing vectors for hybrid: built in CPU ${hnswCpu.toFixed(1)} s, efSearch 64)`);
  const vectors: OpenVectorSearcher = async () => ({
    model: 'hashing-384',
    async nearest(query, k) {
      return hnsw.search(vectorize(query, DIMS, weights), k).map((h) => ({ id: h.id, score: h.similarity }));
    },
  });
  const hybrid = await createSearchEngine({ name: 'hybrid', algorithm: 'hybrid' }, { corpus, vectors });
  out(`hybrid RRF query (depth 100, k 10, query embedded), warm: ${await latency(hybrid)}`);
}

async function main(): Promise<void> {
  const dataDir = resolve(
    process.env.RADAR_BENCH_ARXIV ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'arxiv'),
  );
  const papers = loadCorpus(dataDir);
  const count = Number(process.env.BENCH_QUERIES ?? 300);
  const bank = buildDevBank(papers, count);
  const collection = await openBeirCollection(bank.dir);
  const queries = await collection.queries();
  const qrels = await collection.qrels('test');
  out(`Dev bank written as a BEIR collection: ${bank.dir}`);
  // BENCH_ONLY=scale skips the quality part, so the RSS figures are the index's alone.
  if (process.env.BENCH_ONLY !== 'scale')
    await scoreVersions(
      'Dev bank (known items)',
      await readBeirDocuments(collection),
      queries,
      qrels,
      VERSIONS,
      bank.kinds,
    );
  if (process.env.BEIR_DIR) {
    const beir = await openBeirCollection(resolve(process.env.BEIR_DIR));
    const bq = await beir.queries();
    await scoreVersions(
      `BEIR ${process.env.BEIR_DIR}`,
      await readBeirDocuments(beir),
      bq,
      await beir.qrels('test'),
      VERSIONS.slice(0, 4),
    );
  }
  const tokensOk = queries.filter((q) => tokenize(q.text).length > 0).map((q) => q.text);
  await scale(papers, Number(process.env.BENCH_N ?? 100_000), tokensOk.slice(0, 300));
  out('\nThe machine is shared by several jobs: wall times overstate; CPU times are given where it matters.');
}

await main();
