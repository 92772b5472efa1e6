import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runExportSite } from '../../src/cli/commands/export-site.ts';
import { createContext } from '../../src/cli/context.ts';
import type { StoredSummary } from '../../src/core/summary.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { createPicksStore } from '../../src/store/picks-store.ts';
import { createSummariesStore } from '../../src/store/summaries-store.ts';
import { realPapers, storedPaper } from '../import/legacy-parquet.ts';

let cwd: string;
let stateDir: string;
let site: string;
const papers = realPapers().slice(0, 4);
const id = (i: number): string => papers[i]?.id ?? '';

function summaryOf(i: number): StoredSummary {
  return {
    id: id(i),
    one_sentence_summary: `Paper ${i}: a faster retriever with the same recall.`,
    problem_background: 'Retrieval is slow.',
    method: 'Prune the index: $O(n \\log n)$.',
    experiment: 'BEIR: +2.1 nDCG@10.',
    key_contributions: ['a pruning rule'],
    datasets_and_benchmarks: ['BEIR'],
    limitations: [],
    further_thoughts: 'Does it hold for multilingual corpora?',
    institutions: ['ETH Zürich'],
    code_and_data_links: [],
    tags: ['retrieval', 'efficiency', 'rag: "quoted"'],
    slug: `paper-${i}`,
    model: 'imported',
    promptHash: 'import',
    source: 'import',
    textRoute: 'unknown',
    at: '2026-05-01T00:00:00Z',
  };
}

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'radar-export-'));
  stateDir = join(cwd, 'state');
  site = join(cwd, 'site');
  await createPapersStore(stateDir).upsert(papers.map(storedPaper));
  await createSummariesStore(stateDir).upsert([summaryOf(0), summaryOf(1)]);
  await createPicksStore(stateDir).append([
    { date: '2026-05-02', id: id(0), model: 'tfidf', score: 0.87654, reason: 'top' },
  ]);
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function context() {
  const ctx = createContext({}, cwd);
  return { ...ctx, logger: ctx.logger.child({}, { level: 'silent' }) };
}

async function exportSite(flags = {}): Promise<string> {
  const lines: string[] = [];
  await runExportSite(context(), site, flags, (l) => lines.push(l));
  return lines[0] ?? '';
}

function frontMatterOf(text: string): Record<string, unknown> {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!match) throw new Error('no front matter');
  return parse(match[1] ?? '');
}

describe('radar export site', () => {
  it('writes one page per summarized paper with YAML front matter, and an index', async () => {
    expect(await exportSite()).toMatch(/^site: 2 papers in .*: 3 files written, 0 unchanged, 0 removed$/);
    const page = await readFile(join(site, 'posts', `${id(0)}.md`), 'utf8');
    expect(frontMatterOf(page)).toMatchObject({
      title: papers[0]?.title,
      date: `${papers[0]?.published}T00:00:00Z`,
      slug: 'paper-0',
      tags: ['retrieval', 'efficiency', 'rag: "quoted"'],
      categories: papers[0]?.categories,
      score: 0.8765,
      links: { abs: `https://arxiv.org/abs/${id(0)}`, pdf: `https://arxiv.org/pdf/${id(0)}` },
      summary: 'Paper 0: a faster retriever with the same recall.',
      institutions: ['ETH Zürich'],
    });
    expect(page).toContain('## Method');
    expect(page).toContain('BEIR: +2.1 nDCG@10.');
    expect(page).not.toMatch(/^# /m);
    const index = await readFile(join(site, 'index.md'), 'utf8');
    expect(frontMatterOf(index)).toEqual({ title: 'Research radar', papers: 2 });
    expect(index).toContain(`(posts/${id(1)}.md)`);
    expect(index).not.toContain(id(2));
  });

  it('a re-run rewrites only the pages that changed and removes pages no longer exported', async () => {
    await writeFile(join(cwd, 'keep.txt'), 'x');
    await exportSite({ all: true });
    const unchangedPage = join(site, 'posts', `${id(1)}.md`);
    const mtime = (await stat(unchangedPage)).mtimeMs;
    expect(await exportSite({ all: true })).toMatch(/0 files written, 5 unchanged, 0 removed$/);

    await createSummariesStore(stateDir).upsert([{ ...summaryOf(0), method: 'A new method.' }]);
    expect(await exportSite({ all: true })).toMatch(/1 files written, 4 unchanged, 0 removed$/);
    expect((await stat(unchangedPage)).mtimeMs).toBe(mtime);
    expect(await readFile(join(site, 'posts', `${id(0)}.md`), 'utf8')).toContain('A new method.');

    expect(await exportSite()).toMatch(/1 files written, 2 unchanged, 2 removed$/);
    await expect(stat(join(site, 'posts', `${id(3)}.md`))).rejects.toThrow();
    expect(await readFile(join(cwd, 'keep.txt'), 'utf8')).toBe('x');
  });

  it('a manifest pointing outside the site is refused, deleting nothing', async () => {
    await exportSite();
    await writeFile(join(site, '.radar-site.json'), JSON.stringify({ files: ['../keep.txt'] }));
    await writeFile(join(cwd, 'keep.txt'), 'x');
    await expect(exportSite()).rejects.toThrow(/\.radar-site\.json/);
    expect(await readFile(join(cwd, 'keep.txt'), 'utf8')).toBe('x');
  });
});
