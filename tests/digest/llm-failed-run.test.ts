/**
 * A run whose every LLM summary fails: each picked paper still gets the extractive summary, with
 * a note saying why; the run is `partial` and `radar run` exits 1 (it used to say `completed`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPicksStore } from '../../src/store/picks-store.ts';
import { createRunsStore } from '../../src/store/runs-store.ts';
import { createSummariesStore } from '../../src/store/summaries-store.ts';
import {
  type PipelineFakes,
  pipelineSetup,
  recentPapers,
  startPipelineFakes,
} from '../helpers/pipeline-fakes.ts';
import { runCliAsync } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { isSummaryRequest } from './setup.ts';

const tempDir = useTempDirs();
let fakes: PipelineFakes | undefined;
afterEach(async () => {
  await fakes?.close();
  fakes = undefined;
});

describe('a run where every LLM summary failed', () => {
  it('stores extractive summaries with the failure as a note, shows it in the digest, and is partial', async () => {
    fakes = await startPipelineFakes();
    const f = fakes;
    recentPapers(f, 6);
    // Every summary answer misses required fields, also on the one retry.
    f.openai.onChat((request) => (isSummaryRequest(request) ? { json: { one_sentence_summary: '' } } : {}));
    const setup = pipelineSetup(f, tempDir(), { picksPerDay: 3 });
    const env = { ...setup, env: { ...setup.env, NOTION_TOKEN: '', TELEGRAM_BOT_TOKEN: '' } };
    const run = await runCliAsync(['run', '--once', '--online'], env);
    expect(run.status).toBe(1);

    const state = join(setup.cwd, 'state');
    const [manifest] = await createRunsStore(state).list();
    expect(manifest?.status).toBe('partial');
    const summarize = manifest?.steps.find((s) => s.name === 'summarize');
    expect(summarize?.status).toBe('ok');
    expect(summarize?.errors.length).toBe(3);

    const picks = await createPicksStore(state).readAll();
    expect(picks).toHaveLength(3);
    const summaries = await createSummariesStore(state).get(picks.map((p) => p.id));
    expect(summaries.size).toBe(3);
    for (const summary of summaries.values()) {
      expect(summary.source).toBe('extractive');
      expect(summary.note).toMatch(/^summary from the abstract: the LLM failed: validation/);
    }
    const digest = manifest?.outputs.digest;
    expect(digest).toBeDefined();
    const html = readFileSync(digest ?? '', 'utf8');
    expect(html.match(/Summary from the abstract: the LLM failed: validation/g)).toHaveLength(3);
  }, 120_000);
});
