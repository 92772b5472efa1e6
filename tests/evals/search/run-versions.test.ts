/**
 * `radar eval search run` over the radar's own papers with every kind of version: BM25 on the
 * persistent index, vector and hybrid on the stored vectors (offline hashing embedder, as
 * `radar embed` stores them); over a BEIR corpus hybrid too (the corpus embedded and cached), and
 * versions named in the config's `search.versions`.
 */
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createPapersStore } from '../../../src/store/papers-store.ts';
import { createFileStores } from '../../../src/store/stores.ts';
import { samplePapers } from '../../helpers/embed-sample.ts';

let root: string;
let state: string;
let stdout: string[];
let stderr: string[];

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'search-eval-versions-'));
  state = join(root, 'state');
  await createPapersStore(state).upsert(samplePapers().slice(0, 30));
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const radar = (...args: string[]) => main(['--state', state, ...args]);

async function latestRecall(): Promise<number | undefined> {
  const [run] = (await createFileStores(state).evals.search.runs.list()).filter((r) => r.ok);
  const stored = await createFileStores(state).evals.search.runs.readRun(run?.runId ?? '');
  return stored?.manifest.metrics.means?.recall;
}

/** A two-document BEIR collection with one judged query, under the test's root. */
function writeBeir(): string {
  const beir = join(root, 'beir');
  mkdirSync(join(beir, 'qrels'), { recursive: true });
  const docs = [
    { _id: 'd1', title: 'Aspirin and heart attacks', text: 'Aspirin lowers infarction risk.' },
    { _id: 'd2', title: 'Vitamin D', text: 'Bone density.' },
  ];
  writeFileSync(join(beir, 'corpus.jsonl'), `${docs.map((d) => JSON.stringify(d)).join('\n')}\n`);
  writeFileSync(join(beir, 'queries.jsonl'), `${JSON.stringify({ _id: 'q1', text: 'aspirin heart' })}\n`);
  writeFileSync(join(beir, 'qrels', 'test.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\n');
  return beir;
}

describe('radar eval search run: versions over the radar papers', () => {
  it('runs bm25, vector and hybrid over the papers with the stored vectors', async () => {
    expect(await radar('embed')).toBe(0);
    expect(await radar('eval', 'search', 'bank', 'generate', '--count', '10')).toBe(0);
    expect(await radar('eval', 'search', 'run', '--version', 'bm25')).toBe(0);
    // Rule questions are the title's words: BM25 finds most of their papers in the top 10.
    expect(await latestRecall()).toBeGreaterThanOrEqual(0.8);
    for (const version of ['vector', 'hybrid']) {
      stdout = [];
      expect(await radar('eval', 'search', 'run', '--version', version)).toBe(0);
      expect(stdout.join('')).toMatch(new RegExp(`run \\S+: ${version} on bank`));
      const [run] = (await createFileStores(state).evals.search.runs.list()).filter((r) => r.ok);
      const stored = await createFileStores(state).evals.search.runs.readRun(run?.runId ?? '');
      expect(stored?.manifest.options.algorithm).toBe(version);
      expect(stored?.manifest.counts.failed).toBe(0);
      expect(await latestRecall()).toBeGreaterThan(0);
    }
    expect(stderr.join('')).toBe('');
  });

  it('runs a hybrid version over a BEIR corpus, embedding it with the configured model', async () => {
    const beir = writeBeir();
    expect(await radar('eval', 'search', 'bank', 'import', '--beir', beir)).toBe(0);
    expect(await radar('eval', 'search', 'run', '--version', 'hybrid', '--beir', beir)).toBe(0);
    const [run] = (await createFileStores(state).evals.search.runs.list()).filter((r) => r.ok);
    const stored = await createFileStores(state).evals.search.runs.readRun(run?.runId ?? '');
    expect(stored?.manifest.options.algorithm).toBe('hybrid');
    expect(stored?.manifest.counts.failed).toBe(0);
    expect(await latestRecall()).toBe(1);
    // The corpus's vectors and graph are cached under index/beir/ for the next run.
    const cached = readdirSync(join(state, 'index', 'beir')).filter((n) => n.startsWith('vectors-'));
    expect(cached).toHaveLength(1);
    expect(readdirSync(join(state, 'index', 'beir', cached[0] ?? '')).sort()).toEqual([
      'graph.usearch',
      'ids.json',
      'vectors.f32',
    ]);
  });

  it('runs a version named in search.versions of the config', async () => {
    const beir = writeBeir();
    const config = join(root, 'radar.config.json');
    writeFileSync(
      config,
      JSON.stringify({
        search: { versions: { 'titles-first': { algorithm: 'bm25', parameters: { titleWeight: 2 } } } },
      }),
    );
    const withConfig = (...args: string[]) => main(['--state', state, '--config', config, ...args]);
    expect(await withConfig('eval', 'search', 'bank', 'import', '--beir', beir)).toBe(0);
    expect(await withConfig('eval', 'search', 'run', '--version', 'titles-first', '--beir', beir)).toBe(0);
    expect(stdout.join('')).toMatch(/run \S+: titles-first on bank/);
    expect(await latestRecall()).toBe(1);
  });
});
