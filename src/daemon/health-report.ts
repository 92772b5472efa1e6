/** Reads what the health lines need: job records, the lock, runs, the ledger. */
import { hostname } from 'node:os';
import type { RadarConfig } from '../config/schema.ts';
import { localDay } from '../core/local-day.ts';
import { createLedger } from '../llm/ledger.ts';
import { readJsonFile } from '../store/jsonl-file.ts';
import { statePaths } from '../store/paths.ts';
import type { RunManifest, RunsStore } from '../store/runs-store.ts';
import { LockInfo } from '../store/schemas.ts';
import { isProcessAlive } from '../store/state-lock.ts';
import type { Stores } from '../store/stores.ts';
import { type DaemonHolder, formatHealth, type HealthInput, type PipelineRunHealth } from './health.ts';
import { jobRules } from './job-names.ts';
import { jobRecordOf } from './job-record.ts';
import { nextRunAfter } from './schedule.ts';

export interface HealthDeps {
  stores: Pick<Stores, 'runs' | 'cursors' | 'ledger'>;
  /** The state directory, where the state lock names its holder. */
  stateDir: string;
  config: RadarConfig;
}

/** The live radar process holding the state lock, if any (a lock left by a dead process is ignored). */
export async function readLockHolder(stateDir: string): Promise<DaemonHolder | undefined> {
  const info = await readJsonFile(statePaths(stateDir).lock, LockInfo).catch(() => undefined);
  if (!info) return undefined;
  if (info.hostname === hostname() && !isProcessAlive(info.pid)) return undefined;
  return { pid: info.pid, command: info.command, since: info.startedAt };
}

/** A manifest left at 'running' by a process that was killed (SIGKILL, power loss) is not running. */
function liveStatus(run: RunManifest): string {
  if (run.status !== 'running') return run.status;
  if (run.pid === undefined) return 'interrupted (no process recorded)';
  return isProcessAlive(run.pid) ? 'running' : `interrupted (its process, pid ${run.pid}, is gone)`;
}

async function lastPipelineRun(store: RunsStore): Promise<PipelineRunHealth | undefined> {
  const runs = await store.list(50);
  // Benchmark runs share the manifest kind; they record the command that wrote them.
  const run = runs.find((r) => r.kind === 'pipeline' && r.options.command === undefined);
  if (!run) return undefined;
  return {
    runId: run.runId,
    status: liveStatus(run),
    startedAt: run.startedAt,
    failedSteps: run.steps.filter((s) => s.status === 'failed').map((s) => s.name),
    errors: run.steps.reduce((sum, s) => sum + s.errors.length, 0),
  };
}

export async function readHealth(deps: HealthDeps, now: Date): Promise<HealthInput> {
  const { stores, config } = deps;
  const values = await stores.cursors.all();
  const timezone = config.schedule.timezone;
  const ledger = createLedger({ store: stores.ledger }, { timezone });
  return {
    timezone,
    holder: await readLockHolder(deps.stateDir),
    jobs: jobRules(config).map(({ name, rule }) => ({
      name,
      pattern: rule.pattern,
      record: jobRecordOf(values, name),
      next: nextRunAfter(rule, now),
    })),
    lastPipeline: await lastPipelineRun(stores.runs),
    spend: { todayUsd: await ledger.spentOn(localDay(now, timezone)), budgetUsd: config.budgets.dailyUsd },
  };
}

export async function healthLines(deps: HealthDeps, now: Date): Promise<string[]> {
  return formatHealth(await readHealth(deps, now));
}
