/**
 * `npx tsx bench/trends.ts [fixture|sample]`: the paper trend report on real data — the 1,390
 * papers of tests/fixtures/insights-papers.jsonl (week ending 2026-06-30 against the 28 days
 * before) or the bundled offline sample (its own three-day span) — with the CPU time it took.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTrendsJob } from '../src/insights/trends-job.ts';
import { silentLogger } from '../src/log/logger.ts';
import { loadBundledSample } from '../src/papers/bundled-sample.ts';
import { statePaths } from '../src/store/paths.ts';
import { createFileStores } from '../src/store/stores.ts';
import { readFixture, toPaper } from '../tests/insights/proxy-state.ts';

async function main(): Promise<void> {
  const which = process.argv[2] ?? 'fixture';
  const stateDir = mkdtempSync(join(tmpdir(), 'radar-bench-trends-'));
  try {
    const papers = which === 'sample' ? await loadBundledSample() : readFixture().map(toPaper);
    const stores = createFileStores(stateDir);
    await stores.papers.upsert(papers);
    const started = process.cpuUsage();
    const run = await runTrendsJob(
      {
        stores,
        outDir: statePaths(stateDir).outDir,
        logger: silentLogger(),
        now: () => new Date('2026-12-02T08:00:00Z'),
      },
      which === 'sample'
        ? { settings: { maxFdr: Number(process.argv[3] ?? 0.05) } }
        : { end: '2026-06-30', settings: { maxFdr: Number(process.argv[3] ?? 0.05) } },
    );
    const cpu = process.cpuUsage(started);
    process.stdout.write(`${run.markdown}\n`);
    process.stdout.write(
      `${papers.length} papers; trends job CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms\n`,
    );
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

await main();
