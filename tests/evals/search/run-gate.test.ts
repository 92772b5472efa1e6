/**
 * The benchmark end to end through the CLI: a tiny BEIR collection imported as a bank, run with
 * SEARCH's BM25 over its corpus, the gate's exit codes, the run layout on disk, and compare.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { createFileStores } from '../../../src/store/stores.ts';

let root: string;
let beir: string;
let state: string;
let stdout: string[];

function writeCollection(dir: string): void {
  mkdirSync(join(dir, 'qrels'), { recursive: true });
  const docs = [
    [
      'd1',
      'Sparse attention for long documents',
      'We make transformer attention sparse to read long documents.',
    ],
    ['d2', 'Protein folding with diffusion', 'A diffusion model predicts protein structures.'],
    [
      'd3',
      'Retrieval augmented generation',
      'Retrieval of passages improves question answering with language models.',
    ],
    ['d4', 'Graph neural networks for molecules', 'Message passing on molecular graphs predicts properties.'],
  ];
  writeFileSync(
    join(dir, 'corpus.jsonl'),
    docs.map(([id, title, text]) => JSON.stringify({ _id: id, title, text })).join('\n'),
  );
  const queries = [
    ['q1', 'sparse attention long documents'],
    ['q2', 'protein structure diffusion'],
    ['q3', 'retrieval question answering'],
    ['q4', 'molecule graph message passing'],
  ];
  writeFileSync(
    join(dir, 'queries.jsonl'),
    queries.map(([id, text]) => JSON.stringify({ _id: id, text })).join('\n'),
  );
  writeFileSync(
    join(dir, 'qrels', 'test.tsv'),
    'query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t2\nq3\td3\t1\nq4\td4\t1\nq4\td1\t0\n',
  );
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'search-eval-'));
  beir = join(root, 'beir');
  state = join(root, 'state');
  writeCollection(beir);
  stdout = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

const cli = (...args: string[]) => main(['--state', state, 'eval', 'search', ...args]);

describe('radar eval search run: the CI gate', () => {
  it('imports a bank, runs BM25, passes or fails the gate, and writes the run layout', async () => {
    expect(await cli('bank', 'import', '--beir', beir)).toBe(0);
    expect(stdout.join('')).toMatch(/bank [0-9a-f]{12}: 4 cases imported/);
    expect(await cli('run', '--version', 'bm25', '--beir', beir, '--workers', '2', '--min-score', '50')).toBe(
      0,
    );
    expect(stdout.join('')).toMatch(/gate passed/);
    expect(await cli('run', '--version', 'bm25', '--beir', beir, '--min-score', '100.01')).toBe(1);
    expect(stdout.join('')).toMatch(/gate FAILED/);
    expect(await cli('run', '--version', 'bm25', '--beir', beir, '--workers', 'two')).toBe(2);

    const store = createFileStores(state).evals.search.runs;
    const runs = (await store.list()).filter((r) => r.ok);
    expect(runs).toHaveLength(2);
    const [newest, oldest] = runs.map((r) => r.runId);
    const run = await store.readRun(newest ?? '');
    expect(run?.manifest.status).toBe('completed');
    expect(run?.manifest.counts.finished).toBe(4);
    expect(run?.cases.map((c) => c.case_id).sort()).toEqual(['q1', 'q2', 'q3', 'q4']);
    const q2 = await store.readCase(newest ?? '', 'q2');
    expect(q2.metrics?.returned[0]?.id).toBe('d2');
    expect(q2.metrics?.rr).toBe(1);
    expect(q2.metrics?.passed).toBe(true);
    // P@10 is padded: one relevant document in the top 10 → 0.1.
    expect(q2.metrics?.precision).toBeCloseTo(0.1, 12);
    expect(readFileSync(join(store.paths(newest ?? '').dir, 'orchestrator_events.jsonl'), 'utf8')).toMatch(
      /run_completed/,
    );

    stdout = [];
    expect(await cli('trend', '--metric', 'recall', '--days', '1')).toBe(0);
    expect(stdout.join('')).toMatch(/recall over the last 1 days \(2 runs\)[\s\S]*bm25 +1\.0000/);
    expect(await cli('trend', '--metric', 'bogus')).toBe(2);

    stdout = [];
    expect(await cli('compare', oldest ?? '', newest ?? '')).toBe(0);
    expect(stdout.join('')).toMatch(/4 shared cases/);
    expect(stdout.join('')).toMatch(/f1 .* 0\/4\/0/);

    const html = join(root, 'report.html');
    expect(await cli('report', oldest ?? '', newest ?? '', '--out', html)).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).not.toMatch(/<script[^>]+src=/);
    expect(page).toMatch(/Comparison \(4 shared cases/);
    // The page renders offline in headless Chromium: chart.js ran and drew both charts.
    const dom = execFileSync(
      '/usr/bin/chromium',
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--dump-dom',
        `file://${html}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 120_000 },
    );
    expect(dom).toMatch(/<body[^>]*data-charts="ready"/);
    expect(dom.match(/<canvas[^>]+(height|style)=/g)?.length).toBe(2);
  });

  it('registers versions with one baseline, runs a registered version and keeps its latest metrics', async () => {
    expect(await cli('versions', 'add', 'v1.0.0', '--params', '{"k1":1.2,"b":0.75}')).toBe(0);
    expect(await cli('versions', 'add', 'v1.1.0', '--params', '{"titleWeight":2}')).toBe(0);
    expect(await cli('versions', 'add', 'v9', '--params', '{"k1":-1}')).toBe(2);
    expect(await cli('versions', 'set-baseline', 'v1.1.0')).toBe(0);
    expect(await cli('bank', 'import', '--beir', beir)).toBe(0);
    expect(await cli('run', '--version', 'v1.1.0', '--beir', beir)).toBe(0);
    expect(await cli('versions', 'deactivate', 'v1.0.0')).toBe(0);
    expect(await cli('run', '--version', 'v1.0.0', '--beir', beir)).toBe(2);
    stdout = [];
    expect(await cli('versions', 'list')).toBe(0);
    const listing = stdout.join('');
    expect(listing).toMatch(/v1\.0\.0 \(inactive\)\tbm25.*no run yet/);
    expect(listing).toMatch(
      /v1\.1\.0 \(baseline\)\tbm25\t\{"titleWeight":2\}\tP 0\.1000 R 1\.0000 .* 1 runs/,
    );
  });

  it('writes a TREC run file that the score command (trec_eval) scores as the run did', async () => {
    expect(await cli('bank', 'import', '--beir', beir)).toBe(0);
    expect(await cli('run', '--version', 'bm25', '--beir', beir, '--workers', '3')).toBe(0);
    const store = createFileStores(state).evals.search.runs;
    const [listing] = (await store.list()).filter((r) => r.ok);
    const runId = listing?.runId ?? '';
    const runFile = join(store.paths(runId).dir, 'artifacts', 'run.trec');
    expect(stdout.join('')).toContain(`TREC run file: ${runFile}`);
    const lines = readFileSync(runFile, 'latin1').trimEnd().split('\n');
    for (const line of lines) expect(line).toMatch(new RegExp(`^q[1-4] Q0 d[1-4] \\d+ \\S+ ${runId}$`));
    const q2 = lines.filter((l) => l.startsWith('q2 ')).map((l) => l.split(' '));
    expect(q2[0]?.[2]).toBe('d2');
    expect(q2.map((f) => f[3])).toEqual(q2.map((_, i) => String(i + 1)));
    const qrels = join(root, 'qrels.trec');
    writeFileSync(qrels, 'q1 0 d1 1\nq2 0 d2 2\nq3 0 d3 1\nq4 0 d4 1\nq4 0 d1 0\n');
    stdout = [];
    expect(await cli('score', '--qrels', qrels, '--run', runFile, '--json')).toBe(0);
    const scored = JSON.parse(stdout.join('')) as { num_q: number; all: Record<string, number> };
    const run = await store.readRun(runId);
    expect(scored.num_q).toBe(4);
    expect(scored.all.map).toBeCloseTo(run?.manifest.metrics.means?.ap ?? -1, 4);
    expect(scored.all.recip_rank).toBeCloseTo(run?.manifest.metrics.means?.rr ?? -1, 4);

    const elsewhere = join(root, 'out', 'bm25.run');
    expect(await cli('run', '--version', 'bm25', '--beir', beir, '--run-out', elsewhere)).toBe(0);
    expect(
      readFileSync(elsewhere, 'latin1')
        .split('\n')
        .filter((l) => l !== ''),
    ).toHaveLength(lines.length);
  });

  it('caches the BEIR corpus index under index/beir/: a second run loads it, a changed corpus rebuilds', async () => {
    expect(await cli('bank', 'import', '--beir', beir)).toBe(0);
    expect(await cli('run', '--version', 'bm25', '--beir', beir)).toBe(0);
    const cacheDir = join(state, 'index', 'beir');
    const [file] = readdirSync(cacheDir);
    const written = statSync(join(cacheDir, file ?? ''), { bigint: true }).mtimeNs;
    const first = stdout.join('').match(/P@10 .*/)?.[0];
    stdout = [];
    expect(await cli('run', '--version', 'bm25', '--beir', beir)).toBe(0);
    expect(stdout.join('').match(/P@10 .*/)?.[0]).toBe(first);
    expect(readdirSync(cacheDir)).toEqual([file]);
    expect(statSync(join(cacheDir, file ?? ''), { bigint: true }).mtimeNs).toBe(written);
    // An index file that no longer decodes is rebuilt, not trusted.
    writeFileSync(join(cacheDir, file ?? ''), 'not an index');
    expect(await cli('run', '--version', 'bm25', '--beir', beir)).toBe(0);
    expect(statSync(join(cacheDir, file ?? '')).size).toBeGreaterThan(12);
    const corpus = join(beir, 'corpus.jsonl');
    writeFileSync(
      corpus,
      `${readFileSync(corpus, 'utf8')}\n${JSON.stringify({ _id: 'd5', title: 'Sparse attention again', text: 'long documents' })}`,
    );
    expect(await cli('run', '--version', 'bm25', '--beir', beir)).toBe(0);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('exits 2 when there is no bank yet', async () => {
    expect(await cli('run', '--version', 'bm25', '--beir', beir)).toBe(2);
  });
});
