/**
 * `radar daemon` as a real child process on an offline config: the catch-up run at start, a
 * graceful stop on SIGTERM in the middle of it, the single-instance lock, and `radar status`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunManifest } from '../src/store/runs-store.ts';
import { RADAR_BIN, runCli, runCliAsync } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
const SHUTDOWN_BOUND_S = 15;

interface Daemon {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; ms: number; signalAt: number }>;
  signalAt: number;
}

/** An offline config whose rules fire only on 1 January: every run in the test is a catch-up. */
function setUp(): { cwd: string; state: string } {
  const cwd = tempDir();
  const farAway = '0 0 1 1 *';
  writeFileSync(
    join(cwd, 'radar.config.json'),
    JSON.stringify({
      schedule: {
        timezone: 'Europe/Berlin',
        dailyPipeline: farAway,
        feedbackPoll: farAway,
        benchmarks: farAway,
        weeklyTrends: farAway,
      },
    }),
  );
  return { cwd, state: join(cwd, 'state') };
}

function startDaemon(cwd: string): Daemon {
  const child = spawn(
    process.execPath,
    [
      RADAR_BIN,
      '--config',
      'radar.config.json',
      'daemon',
      '--state',
      'state',
      '--shutdown-timeout',
      String(SHUTDOWN_BOUND_S),
    ],
    {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: cwd, RADAR_LOG_LEVEL: 'warn' },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const daemon: Daemon = {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    signalAt: 0,
    exit: new Promise((resolve) => {
      child.on('close', (code) =>
        resolve({ code, ms: Date.now() - daemon.signalAt, signalAt: daemon.signalAt }),
      );
    }),
  };
  return daemon;
}

async function waitFor<T>(what: string, probe: () => T | undefined, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function manifests(state: string): RunManifest[] {
  const dir = join(state, 'runs');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    try {
      const parsed = RunManifest.safeParse(
        JSON.parse(readFileSync(join(dir, name, 'manifest.json'), 'utf8')),
      );
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

function stop(daemon: Daemon): void {
  daemon.signalAt = Date.now();
  daemon.child.kill('SIGTERM');
}

describe('radar daemon (child process)', () => {
  it('stops gracefully on SIGTERM during the catch-up run: exit 0 in time, lock released, state clean', async () => {
    const { cwd, state } = setUp();
    const daemon = startDaemon(cwd);
    // The pipeline has never run: it is caught up at start. Stop it once its manifest says running.
    const running = await waitFor('the catch-up run', () =>
      manifests(state).find((m) => m.status === 'running'),
    );
    expect(running.options).toMatchObject({ daemon: true });
    stop(daemon);
    const exit = await daemon.exit;
    expect(daemon.stderr()).not.toContain('unexpected error');
    expect(exit.code).toBe(0);
    expect(exit.ms).toBeLessThan(SHUTDOWN_BOUND_S * 1000);
    expect(daemon.stdout()).toContain(
      'catch-up: sync, feedbackPoll, dailyPipeline, benchmarks, leaderboards, weeklyTrends missed a scheduled run',
    );
    expect(daemon.stdout()).toContain('radar daemon: SIGTERM, stopping');
    expect(daemon.stdout()).toContain('radar daemon: stopped');
    expect(existsSync(join(state, '.lock'))).toBe(false);
    const [manifest] = manifests(state);
    expect(['cancelled', 'completed']).toContain(manifest?.status);
    if (manifest?.status === 'cancelled')
      expect(manifest.steps.some((s) => s.status === 'skipped')).toBe(true);
    const check = runCli(['state', 'check', '--state', 'state'], { cwd });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const status = runCli(['--config', 'radar.config.json', 'status', '--state', 'state'], { cwd });
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('daemon: not running');
    expect(status.stdout).toMatch(
      /feedbackPoll \[0 0 1 1 \*\]: last \d{4}-\d\d-\d\d \d\d:\d\d ok \(0 queued chat label changes applied; Notion not configured\); next 2027-01-01 00:00/,
    );
    const pipelineStatus = manifest?.status === 'cancelled' ? 'cancelled' : 'ok';
    expect(status.stdout).toMatch(
      new RegExp(
        `dailyPipeline \\[0 0 1 1 \\*\\]: last .* ${pipelineStatus} \\(${manifest?.status}, run ${manifest?.runId}\\); next 2027-01-01 00:00`,
      ),
    );
    expect(status.stdout).toContain(`last pipeline run ${manifest?.runId}`);
    expect(status.stdout).toContain('LLM today: $0.0000 of $2.00 budget');
    console.info(`shutdown took ${exit.ms} ms; the run ended ${manifest?.status}`);
  }, 90_000);

  it('runs one instance only: a second daemon on the same state exits 1 with the lock message', async () => {
    const { cwd, state } = setUp();
    const first = startDaemon(cwd);
    await waitFor('the first daemon', () =>
      first.stdout().includes('radar daemon: running') ? true : undefined,
    );
    const second = await runCliAsync(['--config', 'radar.config.json', 'daemon', '--state', 'state'], {
      cwd,
    });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`is in use by another radar (pid ${first.child.pid}, "radar daemon"`);
    const status = runCli(['--config', 'radar.config.json', 'status', '--state', 'state'], { cwd });
    expect(status.stdout).toContain(`daemon: running (pid ${first.child.pid}`);
    // Wait for the catch-up runs to end (the trend report is the last), then stop.
    await waitFor('the catch-up runs to end', () => {
      const kv = existsSync(join(state, 'cursors.json'))
        ? readFileSync(join(state, 'cursors.json'), 'utf8')
        : '';
      return kv.includes('"job.weeklyTrends.lastStatus": "ok"') ? true : undefined;
    });
    stop(first);
    const exit = await first.exit;
    expect(exit.code).toBe(0);
    expect(existsSync(join(state, '.lock'))).toBe(false);
    expect(manifests(state)[0]?.status).toBe('completed');
    const again = runCli(['--config', 'radar.config.json', 'status', '--state', 'state'], { cwd });
    // The pipeline completed after its catch-up: the next start would not run it again.
    expect(again.stdout).toMatch(/dailyPipeline \[0 0 1 1 \*\]: last .* ok \(completed/);
    expect(again.stdout).toMatch(
      /weeklyTrends \[0 0 1 1 \*\]: last .* ok \(\d+ rising trends over \d+ papers, week ending \d{4}-\d\d-\d\d \(offline: not sent\)\)/,
    );
    // Offline, the benchmark collectors stay off the network.
    expect(again.stdout).toMatch(/benchmarks \[0 0 1 1 \*\]: last .* ok \(skipped: offline\)/);
    expect(readdirSync(join(state, 'trends'))).toHaveLength(1);
    expect(runCli(['state', 'check', '--state', 'state'], { cwd }).status).toBe(0);
  }, 90_000);
});
