import { describe, expect, it } from 'vitest';
import { createMemoryCorpus } from '../../search/corpus.ts';
import { createSearchEngine } from '../../search/create-engine.ts';
import type { SearchEngine } from '../../search/search-port.ts';
import { createMemoryStores } from '../../store/memory/memory-stores.ts';
import { BankCase } from './bank-schema.ts';
import { runBank } from './run-bank.ts';
import type { SearchRunOptions } from './run-schemas.ts';

const documents = [
  {
    id: 'd1',
    title: 'Speculative decoding',
    text: 'Draft tokens with a small model, verified by a large one.',
  },
  { id: 'd2', title: 'Graph neural networks', text: 'Message passing on molecular graphs.' },
  { id: 'd3', title: 'Protein folding', text: 'Structure prediction with diffusion.' },
];

const cases = [
  BankCase.parse({ id: 'q1', question: 'speculative decoding draft tokens', expected_document_ids: ['d1'] }),
  BankCase.parse({ id: 'q2', question: 'message passing graphs', expected_document_ids: ['d2'] }),
  BankCase.parse({ id: 'q3', question: 'protein structure', expected_document_ids: ['d3'], category: 'bio' }),
];

const options = (minScore?: number): SearchRunOptions => ({
  version: 'bm25',
  algorithm: 'bm25',
  parameters: {},
  bankHash: 'abcdefabcdef',
  k: 3,
  workers: 2,
  environment: {},
  ...(minScore === undefined ? {} : { minScore }),
});

const clock = { now: () => new Date('2026-12-02T10:00:00.000Z') };

async function bm25(): Promise<SearchEngine> {
  return createSearchEngine({ name: 'bm25', algorithm: 'bm25' }, { corpus: createMemoryCorpus(documents) });
}

describe('runBank over the memory stores', () => {
  it('scores every case, writes the run layout and passes a gate it clears', async () => {
    const { runs } = createMemoryStores().evals.search;
    const lines: string[] = [];
    const manifest = await runBank(
      {
        engine: await bm25(),
        store: runs,
        clock,
        now: () => 0,
        writeRunFile: async (run) => void lines.push(...run.map((l) => `${l.qid} ${l.docno}`)),
      },
      { runId: 'run-1', cases, options: options(60), codeVersion: 'test' },
    );
    expect(manifest).toMatchObject({
      status: 'completed',
      counts: { total: 3, finished: 3, failed: 0 },
      metrics: { passRate: 1, gatePassed: true },
    });
    // The overall score is on 0–100; the gate compares it with --min-score.
    expect(manifest.metrics.overall).toBeGreaterThanOrEqual(60);
    const stored = await runs.readRun('run-1');
    expect(stored?.manifest).toEqual(manifest);
    expect(stored?.cases.map((c) => c.case_id).sort()).toEqual(['q1', 'q2', 'q3']);
    expect(stored?.events.map((e) => e.type).filter((t) => t.startsWith('run_'))).toEqual([
      'run_start',
      'run_completed',
    ]);
    const q3 = await runs.readCase('run-1', 'q3');
    expect(q3.metrics).toMatchObject({ category: 'bio', expected: ['d3'], passed: true });
    expect(q3.metrics?.returned[0]?.id).toBe('d3');
    expect(lines.filter((l) => l.startsWith('q1 '))[0]).toBe('q1 d1');
    expect((await runs.list()).map((l) => l.runId)).toEqual(['run-1']);
  });

  it('records a case whose search failed as failed, and fails a gate it misses', async () => {
    const { runs } = createMemoryStores().evals.search;
    const inner = await bm25();
    const engine: SearchEngine = {
      ...inner,
      search: async (query, searchOptions) => {
        if (query.startsWith('protein')) throw new Error('index unavailable');
        return inner.search(query, searchOptions);
      },
    };
    const manifest = await runBank(
      { engine, store: runs, clock, now: () => 0 },
      { runId: 'run-2', cases, options: options(60), codeVersion: 'test' },
    );
    expect(manifest.counts).toMatchObject({ total: 3, finished: 2, failed: 1 });
    expect(manifest.metrics.overall).toBeLessThan(60);
    expect(manifest.metrics.gatePassed).toBe(false);
    const failed = await runs.readCase('run-2', 'q3');
    expect(failed.manifest).toMatchObject({ status: 'failed', error: 'index unavailable' });
    expect(failed.metrics).toMatchObject({ passed: false, reason: 'search failed: index unavailable' });
    expect((await runs.readRun('run-2'))?.events.some((e) => e.type === 'case_failed')).toBe(true);
  });
});
