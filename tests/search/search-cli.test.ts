import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { makePaper } from '../helpers/papers.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

function writeBeir(dir: string): void {
  mkdirSync(join(dir, 'qrels'), { recursive: true });
  const corpus = [
    {
      _id: 'd1',
      title: 'Aspirin and heart attacks',
      text: 'Aspirin lowers the risk of myocardial infarction.',
    },
    { _id: 'd2', title: 'Vitamin D', text: 'Vitamin D deficiency and bone density.' },
    { _id: 'd3', title: 'Statins', text: 'Statins reduce cholesterol and heart risk.' },
  ];
  writeFileSync(join(dir, 'corpus.jsonl'), corpus.map((d) => JSON.stringify(d)).join('\n'));
  const queries = [
    { _id: 'q1', text: 'aspirin heart attack' },
    { _id: 'q2', text: 'bone density vitamin' },
    { _id: 'q3', text: 'not judged' },
  ];
  writeFileSync(join(dir, 'queries.jsonl'), queries.map((q) => JSON.stringify(q)).join('\n'));
  writeFileSync(join(dir, 'qrels', 'test.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\nq2\td2\t1\n');
}

describe('radar search', () => {
  it('finds papers with title, date, snippet and link, and prints JSON', async () => {
    const cwd = tempDir();
    await createPapersStore(join(cwd, 'state')).upsert([
      makePaper('2511.00001', {
        title: 'Speculative decoding',
        abstract: 'We draft tokens. A verifier checks them.',
      }),
      makePaper('2511.00002', { title: 'Graph networks', abstract: 'Message passing.' }),
    ]);
    const text = runCli(['search', 'verifier decoding'], { cwd });
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('1. Speculative decoding (2511.00001, 2026-11-18)');
    expect(text.stdout).toContain('A verifier checks them.');
    expect(text.stdout).toContain('https://arxiv.org/abs/2511.00001');
    const json = runCli(['search', 'message passing', '--json', '--k', '1'], { cwd });
    const parsed = JSON.parse(json.stdout) as { hits: { id: string }[]; emptyQuery: boolean };
    expect(parsed.hits.map((h) => h.id)).toEqual(['2511.00002']);
    expect(parsed.emptyQuery).toBe(false);
    expect(runCli(['search', 'the of'], { cwd }).stdout).toContain('only stop words');
  });

  it('answers a bad flag with a clear usage error', () => {
    const cwd = tempDir();
    const bad = runCli(['search', 'x', '--k', 'ten'], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--k must be a whole number');
    const unknown = runCli(['search', 'x', '--algo', 'nope'], { cwd });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown search version "nope"');
  });

  it('uses a version named in search.versions, and refuses bad parameters naming them', async () => {
    const cwd = tempDir();
    await createPapersStore(join(cwd, 'state')).upsert([
      makePaper('2511.00001', { title: 'Decoding', abstract: 'Graphs graphs graphs graphs.' }),
      makePaper('2511.00002', { title: 'Graphs', abstract: 'Decoding.' }),
    ]);
    const config = (versions: unknown) =>
      writeFileSync(join(cwd, 'radar.config.json'), JSON.stringify({ search: { versions } }));
    // Text weight 0 ranks by titles alone: only the paper titled "Graphs" matches.
    config({ 'title-only': { algorithm: 'bm25', parameters: { textWeight: 0 } } });
    const ranked = (algo: string) =>
      (
        JSON.parse(runCli(['search', 'graphs', '--json', '--algo', algo], { cwd }).stdout) as {
          hits: { id: string }[];
          version: string;
        }
      ).hits.map((h) => h.id);
    expect(ranked('title-only')).toEqual(['2511.00002']);
    expect(ranked('bm25')[0]).toBe('2511.00001');
    const unknown = runCli(['search', 'x', '--algo', 'nope'], { cwd });
    expect(unknown.stderr).toContain('known versions are title-only, bm25');
    config({ broken: { algorithm: 'bm25', parameters: { b: 3 } } });
    const bad = runCli(['search', 'graphs', '--algo', 'broken'], { cwd });
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('search.versions.broken.parameters.b');
  });

  it('runs a BEIR collection into a TREC run file', () => {
    const cwd = tempDir();
    const beir = join(cwd, 'beir');
    writeBeir(beir);
    const runFile = join(cwd, 'run.txt');
    const result = runCli(['search', '--beir', beir, '--run-out', runFile, '--k', '2'], { cwd });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('2 queries of split "test" over 3 documents');
    expect(result.stdout).toMatch(/per query mean [\d.]+ ms, p50 [\d.]+ ms, p95 [\d.]+ ms/);
    const lines = readFileSync(runFile, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^q1 Q0 d1 1 [\d.]+ bm25$/);
    expect(lines.map((l) => l.split(' ')[0])).not.toContain('q3');
    expect(lines.find((l) => l.startsWith('q2 Q0'))).toMatch(/^q2 Q0 d2 1 /);
  });

  it('runs a hybrid version over a BEIR collection, its vectors cached for the next run', () => {
    const cwd = tempDir();
    const beir = join(cwd, 'beir');
    writeBeir(beir);
    const run = (file: string) =>
      runCli(['search', '--beir', beir, '--algo', 'hybrid', '--run-out', file, '--k', '3'], { cwd });
    const first = run(join(cwd, 'first.txt'));
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('hybrid: 2 queries of split "test" over 3 documents');
    const lines = readFileSync(join(cwd, 'first.txt'), 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^q1 Q0 d1 1 [\d.]+ hybrid$/);
    expect(lines.find((l) => l.startsWith('q2 Q0'))).toMatch(/^q2 Q0 d2 1 /);
    const beirIndex = join(cwd, 'state', 'index', 'beir');
    const cached = readdirSync(beirIndex).filter((n) => n.startsWith('vectors-'));
    expect(cached).toHaveLength(1);
    const stamp = statSync(join(beirIndex, cached[0] ?? '', 'graph.usearch')).mtimeMs;
    expect(run(join(cwd, 'second.txt')).status).toBe(0);
    expect(readFileSync(join(cwd, 'second.txt'), 'utf8')).toBe(readFileSync(join(cwd, 'first.txt'), 'utf8'));
    expect(statSync(join(beirIndex, cached[0] ?? '', 'graph.usearch')).mtimeMs).toBe(stamp);
  });
});
