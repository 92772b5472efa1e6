/**
 * Ctrl-C while summarize waits on a slow LLM: the run stops within the shutdown timeout, is
 * marked `cancelled` and says so, the in-flight LLM request is aborted, and the lock is released.
 * A second Ctrl-C stops at once and leaves neither the lock nor a `running` manifest.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRunsStore } from '../../src/store/runs-store.ts';
import {
  type PipelineFakes,
  pipelineSetup,
  recentPapers,
  startPipelineFakes,
  waitFor,
} from '../helpers/pipeline-fakes.ts';
import { RADAR_BIN } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fakes: PipelineFakes | undefined;
let child: ChildProcess | undefined;
afterEach(async () => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  await fakes?.close();
  fakes = undefined;
});

async function startSlowRun(): Promise<{
  state: string;
  exit: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
}> {
  // Every LLM answer takes far longer than any test: only an abort ends the call.
  fakes = await startPipelineFakes({ llmLatencyMs: () => 600_000 });
  recentPapers(fakes, 3);
  const cwd = tempDir();
  const setup = pipelineSetup(fakes, cwd);
  const env: Record<string, string> = { ...setup.env };
  delete env.NOTION_TOKEN;
  delete env.TELEGRAM_BOT_TOKEN;
  child = spawn(process.execPath, [RADAR_BIN, 'run', '--once', '--online', '--shutdown-timeout', '20'], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, RADAR_LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr?.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  const exit = new Promise<number | null>((resolve) => child?.on('close', (code) => resolve(code)));
  const f = fakes;
  await waitFor(
    'the first LLM request',
    () => (f.openai.requestsTo('/v1/chat/completions').length > 0 ? true : undefined),
    60_000,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}; stdout: ${stdout}; stderr: ${stderr}`);
  });
  return { state: join(cwd, 'state'), exit, stdout: () => stdout, stderr: () => stderr };
}

describe('stopping a run', () => {
  it('Ctrl-C during summarize cancels the run: marked cancelled, said so, lock released', async () => {
    const run = await startSlowRun();
    child?.kill('SIGINT');
    expect(await run.exit).toBe(130);
    expect(run.stdout()).toMatch(/run \S+ cancelled \(stopped by SIGINT\)/);
    const [manifest] = await createRunsStore(run.state).list(1);
    expect(manifest?.status).toBe('cancelled');
    expect(manifest?.steps.find((s) => s.name === 'summarize')?.status).toBe('failed');
    expect(manifest?.steps.find((s) => s.name === 'publish')?.status).toBe('skipped');
    expect(existsSync(join(run.state, '.lock'))).toBe(false);
  }, 90_000);

  it('a second Ctrl-C stops at once without leaving the lock or a running manifest', async () => {
    const run = await startSlowRun();
    child?.kill('SIGINT');
    await waitFor('the stopping notice', () =>
      run.stderr().includes('stopping (SIGINT)') ? true : undefined,
    );
    child?.kill('SIGINT');
    expect(await run.exit).toBe(130);
    const [manifest] = await createRunsStore(run.state).list(1);
    expect(manifest?.status).toBe('cancelled');
    expect(existsSync(join(run.state, '.lock'))).toBe(false);
  }, 90_000);
});
