/**
 * OPENAI_API_KEY + OPENAI_BASE_URL without RADAR_LLM_MODEL: the server's /v1/models is asked once
 * and its first model is used (and the user is told), or the command refuses with a clear message —
 * never a silent switch to extractive summaries.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
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
let lone: OpenAIFake | undefined;
afterEach(async () => {
  await fakes?.close();
  await lone?.close();
  fakes = undefined;
  lone = undefined;
});

/** The pipeline's environment and config, with no model named anywhere. */
function unnamedModelSetup(f: PipelineFakes, cwd: string, baseUrl: string): Record<string, string> {
  const setup = pipelineSetup(f, cwd);
  const config = {
    arxiv: { categories: ['cs.AI', 'cs.CL', 'cs.CV', 'cs.IT'], requestIntervalSeconds: 0, firstRunDays: 3 },
    embedding: { active: ['hashing-64'], models: { 'hashing-64': { backend: 'hashing', dims: 64 } } },
    ranking: { picksPerDay: 2, minLabelsPerClass: 1, exploreShare: 0 },
  };
  writeFileSync(join(cwd, 'radar.config.json'), JSON.stringify(config));
  const env: Record<string, string> = { ...setup.env, OPENAI_BASE_URL: baseUrl };
  delete env.RADAR_LLM_MODEL;
  delete env.NOTION_TOKEN;
  delete env.TELEGRAM_BOT_TOKEN;
  return env;
}

describe('an OpenAI-compatible server without RADAR_LLM_MODEL', () => {
  it('uses the first model the server lists, says so, and summarizes with it', async () => {
    fakes = await startPipelineFakes();
    recentPapers(fakes, 3);
    lone = await startOpenAIFake({ models: ['qwen2.5-7b-instruct', 'other-model'] });
    const cwd = tempDir();
    const env = unnamedModelSetup(fakes, cwd, `${lone.url}/v1`);
    const run = await runCliAsync(['run', '--once', '--online', '--steps', 'collect,embed,rank,summarize'], {
      cwd,
      env,
    });
    expect(`${run.stdout}${run.stderr}`).toContain('using qwen2.5-7b-instruct, the first model');
    expect(lone.requestsTo('/v1/models', 'GET')).toHaveLength(1);
    const models = new Set(lone.chatRequests().map((r) => r.model));
    expect(models).toEqual(new Set(['qwen2.5-7b-instruct']));
    expect(run.stdout).not.toContain('no LLM configured');
  }, 60_000);

  it('refuses with a clear message when the server lists no model', async () => {
    fakes = await startPipelineFakes();
    lone = await startOpenAIFake({ models: [] });
    const cwd = tempDir();
    const env = unnamedModelSetup(fakes, cwd, `${lone.url}/v1`);
    const run = await runCliAsync(['run', '--once', '--online'], { cwd, env });
    expect(run.stderr).toContain('set RADAR_LLM_MODEL');
    expect(run.stderr).toContain(`${lone.url}/v1/models`);
    expect(run.status).toBe(2);
  }, 60_000);
});
