/**
 * A provider that echoes the API key in its 401 message (LiteLLM does) must not leak the key:
 * not on stdout/stderr, not in the ledger, the run manifest or its events, nor any other state file.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openAIErrorBody } from '../fakes/openai-fake.ts';
import {
  type PipelineFakes,
  pipelineSetup,
  recentPapers,
  startPipelineFakes,
} from '../helpers/pipeline-fakes.ts';
import { runCliAsync } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fakes: PipelineFakes | undefined;
afterEach(async () => {
  await fakes?.close();
  fakes = undefined;
});

/** Not token-shaped on purpose: only the configured value identifies it. */
const KEY = 'litellm-master-Zq83hVx01pLw';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('secret values never reach output or state', () => {
  it('redacts an API key that the provider echoes in a 401, everywhere it would be written', async () => {
    fakes = await startPipelineFakes();
    recentPapers(fakes, 4);
    fakes.openai.inject({
      match: (req) => req.path === '/v1/chat/completions',
      times: 1000,
      fault: {
        kind: 'status',
        status: 401,
        body: openAIErrorBody({
          message: `Authentication Error, Invalid proxy server token passed. Received API Key = ${KEY}`,
          type: 'auth_error',
        }),
      },
    });
    const cwd = tempDir();
    const setup = pipelineSetup(fakes, cwd);
    const env = { ...setup.env, OPENAI_API_KEY: KEY, RADAR_LOG_LEVEL: 'info' };
    delete (env as Record<string, string>).NOTION_TOKEN;
    delete (env as Record<string, string>).TELEGRAM_BOT_TOKEN;
    const run = await runCliAsync(['run', '--once', '--online', '--steps', 'collect,embed,rank,summarize'], {
      cwd,
      env,
    });
    // The failure itself is reported, only without the key.
    expect(`${run.stdout}${run.stderr}`).toContain('Received API Key = [redacted]');
    expect(run.stdout).not.toContain(KEY);
    expect(run.stderr).not.toContain(KEY);
    const state = join(cwd, 'state');
    const written = filesUnder(state).filter((f) => /\.(jsonl?|csv|md|html)$/.test(f));
    expect(written.some((f) => f.includes('ledger'))).toBe(true);
    expect(written.some((f) => f.endsWith('manifest.json'))).toBe(true);
    const leaking = written.filter((f) => readFileSync(f, 'utf8').includes(KEY));
    expect(leaking).toEqual([]);
  }, 60_000);
});
