/**
 * `npx tsx bench/leaderboards.ts [--latency MS] [--runs N]`: collects every board at once against
 * the leaderboard fake answering each request after MS milliseconds (default 400, a
 * transatlantic round trip plus a CDN), through the real adapters, HTTP layer and store.
 * The first run downloads every file; the later runs are conditional (304s) and confirm.
 * Reports wall time and this process's CPU time per run, the requests made and the fastest
 * request rate seen per host (it must stay within the per-host limit).
 * Target: a full collection in < 30 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LEADERBOARD_HOST_RATE } from '../src/cli/commands/leaderboards-job.ts';
import { startLeaderboardFake } from '../tests/fakes/leaderboard-fake.ts';
import { leaderboardsHarness } from '../tests/leaderboards/leaderboards-harness.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} takes a non-negative number`);
  return n;
}

const latencyMs = flag('--latency', 400);
const runs = flag('--runs', 2);
const fake = await startLeaderboardFake({ latencyMs });
const stateDir = mkdtempSync(join(tmpdir(), 'radar-bench-leaderboards-'));
try {
  const harness = leaderboardsHarness(fake.url, stateDir);
  out(
    `leaderboards bench: 8 boards, ${latencyMs} ms per answer, limit ${LEADERBOARD_HOST_RATE.ratePerSecond}/s per host`,
  );
  for (let i = 0; i < runs; i++) {
    const before = fake.requests.length;
    const cpu = process.cpuUsage();
    const started = performance.now();
    const run = await harness.collect(new Date(Date.UTC(2026, 0, 8, 6 * i)));
    const wallMs = performance.now() - started;
    const used = process.cpuUsage(cpu);
    const statuses = run.result.boards.map((b) => `${b.board}:${b.status}`).join(' ');
    out(
      `run ${i + 1}: wall ${(wallMs / 1000).toFixed(2)} s, cpu ${((used.user + used.system) / 1e6).toFixed(2)} s, ${fake.requests.length - before} requests — ${statuses}`,
    );
    const failed = run.result.boards.filter((b) => b.status === 'failed');
    if (failed.length > 0) out(`  failed: ${failed.map((b) => `${b.board} (${b.error})`).join('; ')}`);
    out(`  target < 30 s: ${wallMs < 30_000 ? 'met' : 'MISSED'}`);
  }
  // All boards share one fake host here: the strictest case for the per-host limit.
  const times = fake.requests.map((r) => r.receivedAt).sort((a, b) => a - b);
  let peak = 0;
  for (let i = 0; i < times.length; i++) {
    let j = i;
    while (j < times.length && (times[j] ?? 0) - (times[i] ?? 0) < 1000) j++;
    peak = Math.max(peak, j - i);
  }
  out(
    `requests in any 1 s window: at most ${peak} (limit ${LEADERBOARD_HOST_RATE.ratePerSecond}/s, burst ${LEADERBOARD_HOST_RATE.burst})`,
  );
} finally {
  await fake.close();
  rmSync(stateDir, { recursive: true, force: true });
}
