/** The daemon's jobs, offline: the feedback poll on the memory stores, the others on a real state directory. */
import { describe, expect, it } from 'vitest';
import { readEnv } from '../src/config/env.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { createBenchmarksJob, createFeedbackJob, createPipelineJob } from '../src/daemon/jobs.ts';
import { silentLogger } from '../src/log/logger.ts';
import { createMemoryStores } from '../src/store/memory/memory-stores.ts';
import { createFileStores, type Stores } from '../src/store/stores.ts';
import { samplePapers } from './chat/telegram-setup.ts';
import { makeRepository, startGitHubFake } from './fakes/github-fake.ts';
import { startHuggingFaceFake } from './fakes/huggingface-fake.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();

function jobDeps(stateDir: string, config: unknown = {}, stores: Stores = createFileStores(stateDir)) {
  return {
    config: RadarConfig.parse(config),
    env: readEnv({}),
    stateDir,
    cwd: stateDir,
    stores,
    logger: silentLogger(),
    clock: { now: () => new Date() },
    offline: true,
  };
}

const ctx = (signal = new AbortController().signal) => ({
  signal,
  scheduledAt: new Date(),
  logger: silentLogger(),
});

describe('daemon jobs', () => {
  it('the feedback poll applies the label changes a `radar bot` queued, and says Notion is not configured', async () => {
    const stores = createMemoryStores();
    const [a, b] = samplePapers(2).map((p) => p.id);
    await stores.pendingLabels.append([
      {
        kind: 'set',
        label: { id: a ?? '', label: 1, source: 'telegram', user: 'u', at: '2026-11-21T08:00:00.000Z' },
      },
      {
        kind: 'set',
        label: { id: b ?? '', label: -1, source: 'slack', user: 'u', at: '2026-11-21T08:01:00.000Z' },
      },
    ]);
    // Offline and without Notion the job touches no file: the state directory is never created.
    const outcome = await createFeedbackJob(jobDeps('/nonexistent/radar-state', {}, stores)).run(ctx());
    expect(outcome).toEqual({
      status: 'ok',
      detail: '2 queued chat label changes applied; Notion not configured',
    });
    expect((await stores.labels.readAll()).map((l) => [l.id, l.label])).toEqual([
      [a, 1],
      [b, -1],
    ]);
    expect(await stores.pendingLabels.readAll()).toEqual([]);
  });

  it('the pipeline job stopped before it starts records a cancelled run with every step skipped', async () => {
    const stateDir = tempDir();
    const controller = new AbortController();
    controller.abort(new Error('SIGTERM'));
    const outcome = await createPipelineJob(jobDeps(stateDir)).run(ctx(controller.signal));
    expect(outcome.status).toBe('cancelled');
    const [run] = await createFileStores(stateDir).runs.list();
    expect(run?.status).toBe('cancelled');
    expect(run?.options).toMatchObject({ offline: true, daemon: true });
    expect(new Set(run?.steps.map((s) => s.status))).toEqual(new Set(['skipped']));
    expect(outcome.detail).toBe(`cancelled, run ${run?.runId}`);
  });

  it('the benchmark job collects from the sources online, records its run, and stays off the network offline', async () => {
    const stateDir = tempDir();
    const alerts: string[] = [];
    const alert = (kind: string) => void alerts.push(kind);
    expect(await createBenchmarksJob(jobDeps(stateDir), alert).run(ctx())).toEqual({
      status: 'ok',
      detail: 'skipped: offline',
    });
    const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const hf = await startHuggingFaceFake({
      datasets: [
        {
          id: 'acme/agent-benchmark',
          downloads: 900,
          likes: 3,
          tags: ['benchmark'],
          lastModified: recent,
          description: 'A benchmark for agents.',
        },
      ],
    });
    const gh = await startGitHubFake({
      repositories: [
        makeRepository({
          fullName: 'acme/agent-benchmark',
          description: 'Agent benchmark',
          stars: 120,
          topics: ['benchmark'],
          createdAt: recent,
          pushedAt: recent,
        }),
      ],
    });
    try {
      const config = { sources: { huggingface: { endpoint: hf.url }, github: { apiUrl: gh.url } } };
      const outcome = await createBenchmarksJob({ ...jobDeps(stateDir, config), offline: false }, alert).run(
        ctx(),
      );
      expect(outcome.status).toBe('ok');
      const [run] = await createFileStores(stateDir).runs.list();
      expect(run).toMatchObject({ kind: 'benchmarks', status: 'completed' });
      expect(outcome.detail).toBe(`completed, run ${run?.runId}, 1 benchmarks`);
      expect(alerts).toEqual([]);
    } finally {
      await hf.close();
      await gh.close();
    }
  });
});
