/**
 * Generation benchmark throughput: `radar eval generation compare` on 200 cases × 2 candidates
 * against the OpenAI fake answering every call after a seeded 1–3 s latency, with the provider's
 * concurrency limit at 10. Prints the wall time against the floor that limit sets (the sum of all
 * call latencies / 10) and the ratio (target ≤ 1.5), plus the CPU time of this process.
 *
 *   npx tsx bench/generation.ts [--cases 200] [--workers 10] [--latency-scale 1]
 *
 * `--latency-scale 0.1` runs the same schedule ten times faster (0.1–0.3 s per call).
 * Cases are real arXiv titles and abstracts from ../shared/data/arxiv when present.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { runEvalGenerationCompare } from '../src/cli/commands/eval-generation-compare.ts';
import { createRandom } from '../src/rank/prng.ts';
import { addCandidates, MODEL_A, MODEL_B, testContext } from '../tests/evals/generation/setup.ts';
import { startOpenAIFake } from '../tests/fakes/openai-fake.ts';
import { consistentJudge, judgeResponder } from '../tests/fakes/openai-judge.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '200' },
    workers: { type: 'string', default: '10' },
    'latency-scale': { type: 'string', default: '1' },
  },
});
const CASES = Number(values.cases);
const WORKERS = values.workers ?? '10';
const SCALE = Number(values['latency-scale']);
const CONCURRENCY = 10;
const ArxivRow = z.object({
  id: z.string().optional(),
  title: z.string().optional(),
  abstract: z.string().optional(),
});

function realCases(n: number): string[] {
  const file = join(import.meta.dirname, '..', '..', 'shared', 'data', 'arxiv', '2026-05.jsonl');
  const rows = existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
        .slice(0, n)
    : [];
  return Array.from({ length: n }, (_, i) => {
    const parsed = ArxivRow.safeParse(rows[i] ? JSON.parse(rows[i] ?? '{}') : {});
    const row = parsed.success ? parsed.data : {};
    return JSON.stringify({
      id: row.id ?? `case-${i}`,
      title: row.title ?? `Paper ${i}`,
      abstract: row.abstract ?? `Abstract of paper ${i}.`,
      categories: ['cs.CL'],
    });
  });
}

const stateDir = mkdtempSync(join(tmpdir(), 'radar-bench-generation-'));
const fake = await startOpenAIFake();
const random = createRandom(7);
const latencies: number[] = [];
fake.onChat(
  judgeResponder({
    judge: consistentJudge({ faithfulness: MODEL_A, coverage: 'tie', usefulness: MODEL_B }),
    latencyMs: () => {
      const ms = (1000 + 2000 * random()) * SCALE;
      latencies.push(ms);
      return ms;
    },
  }),
);
try {
  await addCandidates(stateDir);
  const casesFile = join(stateDir, 'cases.jsonl');
  writeFileSync(casesFile, `${realCases(CASES).join('\n')}\n`);
  const ctx = testContext(stateDir, fake.url, { concurrency: CONCURRENCY, dailyUsd: 1000 });
  const lines: string[] = [];
  const cpu = process.cpuUsage();
  const started = performance.now();
  const code = await runEvalGenerationCompare(
    ctx,
    { cases: casesFile, candidate: ['cand-a', 'cand-b'], workers: WORKERS },
    (l) => lines.push(l),
  );
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const floorMs = latencies.reduce((s, x) => s + x, 0) / CONCURRENCY;
  console.log(lines.filter((l) => /^(run |cases |overall|LLM calls)/.test(l)).join('\n'));
  console.log(
    JSON.stringify(
      {
        cases: CASES,
        candidates: 2,
        workers: Number(WORKERS),
        concurrency: CONCURRENCY,
        latencyRangeMs: [1000 * SCALE, 3000 * SCALE],
        calls: latencies.length,
        exitCode: code,
        wallSeconds: +(wallMs / 1000).toFixed(2),
        floorSeconds: +(floorMs / 1000).toFixed(2),
        ratioToFloor: +(wallMs / floorMs).toFixed(3),
        target: 'ratioToFloor <= 1.5',
        cpuSeconds: +((used.user + used.system) / 1e6).toFixed(2),
      },
      null,
      2,
    ),
  );
} finally {
  await fake.close();
  rmSync(stateDir, { recursive: true, force: true });
}
