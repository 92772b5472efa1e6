/**
 * Crash safety of the daily run: `radar run --once --online` is SIGKILLed at points the fakes make
 * deterministic — while collect pages through arXiv, right after Notion created a page (before the
 * run could record it), and in the middle of the chat digest — and run again each time. In the end
 * no paper has two Notion pages or two chat messages, nothing is lost, `radar state check` passes
 * and the killed runs' manifests say they were interrupted.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createNotionMapStore } from '../src/store/notion-map-store.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import { createPicksStore } from '../src/store/picks-store.ts';
import { createRunsStore } from '../src/store/runs-store.ts';
import type { FakeServer, RecordedRequest } from './fakes/fake-server.ts';
import {
  messagesPerPaper,
  type PipelineFakes,
  type PipelineSetup,
  pagesPerPaper,
  pipelineSetup,
  recentPapers,
  startPipelineFakes,
} from './helpers/pipeline-fakes.ts';
import { RADAR_BIN, runCliAsync } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fakes: PipelineFakes | undefined;
afterEach(async () => {
  await fakes?.close();
  fakes = undefined;
});

const PICKS = 4;

interface KillPoint {
  server: FakeServer;
  /** The request at which the run is killed. */
  at: (req: RecordedRequest) => boolean;
  /** Whether the fake still handles that request (true: it happened, but the run never heard back). */
  handled: boolean;
}

/**
 * Runs `radar run --once --online` and SIGKILLs it from inside the fake, synchronously when the
 * request arrives: the child can never see the answer, whatever the timing.
 */
async function runKilledAt(setup: PipelineSetup, point: KillPoint): Promise<NodeJS.Signals | null> {
  let child: ChildProcess | undefined;
  let killed = false;
  point.server.inject({
    fault: { kind: 'drop' },
    match: (req) => {
      if (killed || !point.at(req)) return false;
      killed = true;
      child?.kill('SIGKILL');
      return !point.handled;
    },
  });
  child = spawn(process.execPath, [RADAR_BIN, 'run', '--once', '--online'], {
    cwd: setup.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: setup.cwd, RADAR_LOG_LEVEL: 'warn', ...setup.env },
    stdio: 'ignore',
  });
  const signal = await new Promise<NodeJS.Signals | null>((resolve) =>
    child?.on('exit', (_code, sig) => resolve(sig)),
  );
  expect(killed).toBe(true);
  return signal;
}

const isPost = (path: string) => (req: RecordedRequest) => req.method === 'POST' && req.path === path;

describe('radar run --once, killed and run again', () => {
  it('leaves no duplicate page or message and loses nothing after kills in collect, between Notion create and record, and in notify', async () => {
    fakes = await startPipelineFakes();
    const f = fakes;
    const ids = recentPapers(f, 12).map((p) => p.id);
    const setup = pipelineSetup(f, tempDir(), { picksPerDay: PICKS, pageSize: 5 });
    const state = join(setup.cwd, 'state');
    expect((await runCliAsync(['notion', 'init', '--parent', f.notion.rootPageId], setup)).status).toBe(0);

    // 1. During collect: killed when it asks arXiv for the second page.
    const secondPage = (req: RecordedRequest) => req.path === '/api/query' && req.query.get('start') === '5';
    expect(await runKilledAt(setup, { server: f.arxiv, at: secondPage, handled: false })).toBe('SIGKILL');
    expect(f.notion.pages().filter((p) => p.text['arXiv ID'])).toHaveLength(0);

    // 2. Between Notion's pages.create and recording the page id: Notion made the page, the run never knew.
    const firstCreate = { server: f.notion, at: isPost('/v1/pages'), handled: true };
    expect(await runKilledAt(setup, firstCreate)).toBe('SIGKILL');
    const created = Object.keys(pagesPerPaper(f));
    expect(created).toHaveLength(1);
    const map = await createNotionMapStore(state).load();
    expect(map.pages.Papers?.[created[0] ?? '']).toBeUndefined();
    expect(map.pending.Papers?.[created[0] ?? '']).toBeDefined();

    // 3. During notify: killed when the second paper message is sent (header, paper 1 delivered).
    let sends = 0;
    const secondPaperMessage = (req: RecordedRequest) => req.path.endsWith('/sendMessage') && ++sends === 3;
    expect(await runKilledAt(setup, { server: f.telegram, at: secondPaperMessage, handled: false })).toBe(
      'SIGKILL',
    );
    expect(f.telegram.sentMessages()).toHaveLength(2);

    // 4. Without faults: the run completes what the killed ones left.
    const rerun = await runCliAsync(['run', '--once', '--online'], setup);
    expect(rerun.stderr).not.toMatch(/"level":(50|60)/);
    expect(rerun.status).toBe(0);

    const stored = (await createPapersStore(state).readAll()).map((p) => p.id);
    expect([...stored].sort()).toEqual([...ids].sort());
    const picks = (await createPicksStore(state).readAll()).map((p) => p.id);
    expect(picks).toHaveLength(PICKS);
    const once = Object.fromEntries(picks.map((id) => [id, 1]));
    expect(pagesPerPaper(f)).toEqual(once);
    expect(messagesPerPaper(f, ids)).toEqual(once);
    const after = await createNotionMapStore(state).load();
    expect(Object.keys(after.pages.Papers ?? {}).sort()).toEqual([...picks].sort());
    expect(after.pending.Papers ?? {}).toEqual({});

    // The killed runs are settled as interrupted by the next run; the last one completed.
    const runs = await createRunsStore(state).list();
    expect(runs).toHaveLength(4);
    const statuses = runs.map((r) => r.status).sort();
    expect(statuses).toEqual(['completed', 'failed', 'failed', 'failed']);
    const interruptedSteps = runs
      .filter((r) => r.status === 'failed')
      .map((r) => r.steps.find((s) => s.errors.some((e) => e.startsWith('interrupted')))?.name)
      .sort();
    expect(interruptedSteps).toEqual(['collect', 'notify', 'publish']);

    const check = await runCliAsync(['state', 'check'], setup);
    expect(check.stdout).not.toMatch(/^(corrupt|unsorted|unknown)/m);
    expect(check.status).toBe(0);
  }, 60_000);
});
