import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportLabels } from '../../src/cli/commands/import-labels.ts';
import { runImportSummaries } from '../../src/cli/commands/import-summaries.ts';
import { createContext } from '../../src/cli/context.ts';
import { UsageError } from '../../src/core/errors.ts';
import type { StoredSummary } from '../../src/core/summary.ts';
import { createLabelsStore } from '../../src/store/labels-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';
import { createSummariesStore } from '../../src/store/summaries-store.ts';
import { realPapers, storedPaper } from './legacy-parquet.ts';
import { hashTree } from './state-hash.ts';

let cwd: string;
let stateDir: string;
const papers = realPapers().slice(0, 5);
const ids = papers.map((p) => p.id);

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'radar-import-sl-'));
  stateDir = join(cwd, 'state');
  await createPapersStore(stateDir).upsert(papers.map(storedPaper));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function context() {
  const ctx = createContext({}, cwd);
  return { ...ctx, logger: ctx.logger.child({}, { level: 'silent' }) };
}

/** A summary file of the previous digest: the 8 structured fields plus one of its own. */
function oldSummary(i: number): Record<string, unknown> {
  return {
    institution: ['Tsinghua University', 'Shanghai AI Lab'],
    reasoning_step: 'Read the abstract, then the method section.',
    problem_background: `Background of paper ${i}.`,
    method: `Method of paper ${i}.`,
    experiment: `Results of paper ${i}: +3.2 points.`,
    one_sentence_summary: `Paper ${i} in one sentence.`,
    slug: `Paper ${i} Slug!`,
    keywords: ['Retrieval', 'RAG', 'Benchmark', 'retrieval'],
    further_thoughts: `Open question ${i}.`,
  };
}

describe('radar import summaries', () => {
  it('maps the fields, keeps the others in extra, skips what it cannot use, and re-imports as unchanged', async () => {
    const dir = join(cwd, 'summaries', '2026');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, `${ids[0]}.json`), JSON.stringify(oldSummary(0)));
    await writeFile(join(dir, 'b.json'), JSON.stringify({ id: `${ids[1]}v2`, ...oldSummary(1) }));
    await writeFile(join(dir, '2601.99999.json'), JSON.stringify(oldSummary(2)));
    await writeFile(join(dir, `${ids[3]}.json`), '{"one_sentence_summary": ');
    await writeFile(join(dir, `${ids[4]}.json`), JSON.stringify({ ...oldSummary(4), keywords: ['one'] }));
    const lines: string[] = [];
    expect(await runImportSummaries(context(), join(cwd, 'summaries'), (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe(
      "summaries from 5 files: 2 added, 0 updated, 0 unchanged, 0 kept (the radar's own LLM summary)",
    );
    expect(lines.some((l) => /skipped 1 × not a paper of the state .*2601\.99999\.json/.test(l))).toBe(true);
    expect(lines.some((l) => /skipped 1 × not valid JSON/.test(l))).toBe(true);
    expect(lines.some((l) => /skipped 1 × 1 keywords, at least 3 are needed as tags/.test(l))).toBe(true);

    const stored = await createSummariesStore(stateDir).get(ids);
    expect(stored.get(ids[0] ?? '')).toMatchObject({
      one_sentence_summary: 'Paper 0 in one sentence.',
      problem_background: 'Background of paper 0.',
      experiment: 'Results of paper 0: +3.2 points.',
      further_thoughts: 'Open question 0.',
      institutions: ['Tsinghua University', 'Shanghai AI Lab'],
      tags: ['Retrieval', 'RAG', 'Benchmark'],
      slug: 'paper-0-slug',
      source: 'import',
      textRoute: 'unknown',
      extra: { reasoning_step: 'Read the abstract, then the method section.' },
    });
    expect(stored.has(ids[1] ?? '')).toBe(true);
    expect(isClean(await checkState(stateDir))).toBe(true);

    const before = await hashTree(stateDir);
    const again: string[] = [];
    await runImportSummaries(context(), join(cwd, 'summaries'), (l) => again.push(l));
    expect(again[0]).toMatch(/0 added, 0 updated, 2 unchanged/);
    expect(await hashTree(stateDir)).toEqual(before);
  });

  it('never replaces a summary the radar made with its LLM', async () => {
    const summary: StoredSummary = {
      id: ids[0] ?? '',
      institutions: [],
      key_contributions: [],
      datasets_and_benchmarks: [],
      limitations: [],
      code_and_data_links: [],
      tags: ['a', 'b', 'c'],
      slug: 'own',
      model: 'default/gpt-4o-mini',
      promptHash: 'abc',
      source: 'llm',
      textRoute: 'latex',
      at: '2026-05-01T00:00:00Z',
      one_sentence_summary: 'The radar’s own.',
      problem_background: '',
      method: '',
      experiment: '',
      further_thoughts: '',
    };
    await createSummariesStore(stateDir).upsert([summary]);
    const dir = join(cwd, 'in');
    await mkdir(dir);
    await writeFile(join(dir, `${ids[0]}.json`), JSON.stringify(oldSummary(0)));
    const lines: string[] = [];
    await runImportSummaries(context(), dir, (l) => lines.push(l));
    expect(lines[0]).toMatch(/0 added, 0 updated, 0 unchanged, 1 kept/);
    expect(
      (await createSummariesStore(stateDir).get([ids[0] ?? ''])).get(ids[0] ?? '')?.one_sentence_summary,
    ).toBe('The radar’s own.');
  });

  it('refuses a directory with no JSON files', async () => {
    await mkdir(join(cwd, 'empty'));
    await expect(runImportSummaries(context(), join(cwd, 'empty'), () => undefined)).rejects.toThrow(
      /no \.json files/,
    );
  });
});

describe('radar import labels', () => {
  it('imports CSV rows with their times (source import); a re-import changes nothing', async () => {
    const file = join(cwd, 'labels.csv');
    await writeFile(
      file,
      `id,label,time\n${ids[0]}v1,👍,2026-05-01T10:00:00Z\n${ids[1]},-1,1746093600\n${ids[2]},up,2026-05-03\n`,
    );
    const lines: string[] = [];
    expect(await runImportLabels(context(), file, (l) => lines.push(l))).toBe(0);
    expect(lines[0]).toBe('labels from 3 rows: 2 up, 1 down, 0 cleared; 3 changed (source import)');
    const labels = await createLabelsStore(stateDir).readAll();
    expect(labels.find((l) => l.id === ids[0])).toMatchObject({
      label: 1,
      source: 'import',
      at: '2026-05-01T10:00:00Z',
    });
    expect(labels.find((l) => l.id === ids[1])).toMatchObject({ label: -1, at: '2025-05-01T10:00:00Z' });
    const before = await readFile(join(stateDir, 'labels.csv'), 'utf8');
    await runImportLabels(context(), file, (l) => lines.push(l));
    expect(lines[1]).toMatch(/0 changed/);
    expect(await readFile(join(stateDir, 'labels.csv'), 'utf8')).toBe(before);
  });

  it('imports JSON lines, a later clear removing a label', async () => {
    const file = join(cwd, 'labels.jsonl');
    await writeFile(
      file,
      [
        { id: ids[0], label: 1, time: '2026-05-01T00:00:00Z' },
        { id: ids[0], label: 'clear', time: '2026-05-02T00:00:00Z' },
        { id: ids[1], label: '👎', time: '2026-05-02T00:00:00Z' },
      ]
        .map((r) => JSON.stringify(r))
        .join('\n'),
    );
    await runImportLabels(context(), file, () => undefined);
    expect((await createLabelsStore(stateDir).readAll()).map((l) => [l.id, l.label])).toEqual([[ids[1], -1]]);
  });

  it('refuses unknown papers, bad labels and bad times, writing nothing', async () => {
    const file = join(cwd, 'bad.csv');
    await writeFile(file, `${ids[0]},up\n2601.99999,down\n`);
    await expect(runImportLabels(context(), file, () => undefined)).rejects.toThrow(
      'unknown papers (collect them first), nothing written: 2601.99999',
    );
    await writeFile(file, `${ids[0]},maybe\n${ids[1]},up,yesterday\nnot-an-id,up\n`);
    const error = await runImportLabels(context(), file, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(String(error)).toMatch(
      /row 1: label "maybe" is not up, down or clear; row 2: time "yesterday" is not a date; row 3: "not-an-id" is not an arXiv id/,
    );
    expect(await createLabelsStore(stateDir).readAll()).toEqual([]);
  });
});
