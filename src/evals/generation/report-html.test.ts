import { describe, expect, it } from 'vitest';
import { manifestPaths } from '../run-layout/paths.ts';
import { decideCase } from './decision.ts';
import { renderReportHtml } from './report-html.ts';
import type { GenerationRunManifest } from './run-schemas.ts';
import { pairwiseSummary } from './statistics.ts';

const win = { round1: 'A', round2: 'B' } as const;
const decision = decideCase({ faithfulness: win, coverage: win, usefulness: win });

const manifest: GenerationRunManifest = {
  schemaVersion: 5,
  runId: 'r1',
  task: 'generation',
  status: 'completed',
  startedAt: '2026-12-02T00:00:00.000Z',
  codeVersion: '0.1.0+abc',
  options: {
    compareMode: 'pairwise',
    pairCandidateAID: 'a<b>',
    pairCandidateBID: 'b',
    pairJudgeModel: 'default/judge',
    casesPath: 'cases.jsonl',
    datasetHash: 'h',
    workers: 2,
    force: false,
    candidateModels: { a: 'default/a', b: 'default/b' },
    promptHashes: { a: 'x', b: 'y', judge: 'z' },
  },
  counts: { total: 1, finished: 1, failed: 0, excluded: 0 },
  metrics: {
    pairwiseSummary: pairwiseSummary([{ decision, lengthA: 10, lengthB: 5 }]),
    llmCalls: 8,
    cachedGenerations: 0,
    costUsd: 0,
    wallMs: 1,
    excludedCases: [],
  },
  paths: manifestPaths(),
};

describe('the generation report page', () => {
  it('escapes what comes from cases and candidates and keeps the inlined library from closing its script', () => {
    const html = renderReportHtml({
      manifest,
      cases: [
        {
          entry: {
            case_id: '<img src=x onerror=alert(1)>',
            status: 'ok',
            dir: 'cases/x',
            ended_ms: 1,
            summary: {},
          },
          metrics: {
            decision,
            lengthA: 10,
            lengthB: 5,
            lengthRatio: 2,
            cached: { a: false, b: false },
            llmCalls: 8,
            costUsd: 0,
            missingVariables: { a: [], b: [] },
            judgeRetries: 0,
          },
        },
      ],
      chartJs: 'var Chart = 1; "</script><script>alert(2)</script>";',
      generatedAt: new Date('2026-12-02T00:00:00Z'),
    });
    expect(html.includes('<img src=x')).toBe(false);
    expect(html.includes('&lt;img src=x onerror=alert(1)&gt;')).toBe(true);
    expect(html.includes('a&lt;b&gt; (A) vs b (B)')).toBe(true);
    expect(html.includes('</script><script>alert(2)')).toBe(false);
    expect(html.includes('<\\/script><script>alert(2)<\\/script>')).toBe(true);
    // The chart data is JSON that cannot end its script element either.
    const data = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(html)?.[1] ?? '';
    expect(JSON.parse(data).ratios).toEqual([['<img src=x onerror=alert(1)>', 2]]);
    expect(html.includes('<th>overall</th><td>1</td><td>0</td><td>0</td><td>100.0 %</td>')).toBe(true);
  });
});
