/**
 * The daemon's health as text lines, for `radar status` and the chat `/status`: whether a daemon
 * runs, per job its last run, outcome, next run and failures in a row, the last pipeline run's
 * failures and today's LLM spend. Pure: the caller reads the state.
 */
import type { JobRecord } from './job-record.ts';

export interface JobHealth {
  name: string;
  pattern: string;
  record: JobRecord;
  next: Date | undefined;
}

export interface DaemonHolder {
  pid: number;
  command: string;
  since: string;
}

export interface PipelineRunHealth {
  runId: string;
  status: string;
  startedAt: string;
  failedSteps: string[];
  errors: number;
}

export interface HealthInput {
  timezone: string;
  /** The radar process holding the state lock, if one is alive. */
  holder: DaemonHolder | undefined;
  jobs: readonly JobHealth[];
  lastPipeline: PipelineRunHealth | undefined;
  spend: { todayUsd: number; budgetUsd: number } | undefined;
}

/** "2026-11-21 08:00" in the given time zone. */
export function formatLocal(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '??';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

function daemonLine(holder: DaemonHolder | undefined, timezone: string): string {
  if (!holder) return 'daemon: not running';
  const since = Number.isNaN(Date.parse(holder.since))
    ? holder.since
    : formatLocal(new Date(holder.since), timezone);
  if (holder.command === 'daemon') return `daemon: running (pid ${holder.pid}, since ${since})`;
  return `daemon: not running (the state is held by "radar ${holder.command}", pid ${holder.pid}, since ${since})`;
}

function lastPart(record: JobRecord, daemonRunning: boolean, timezone: string): string {
  if (!record.lastStart) return 'never run';
  const at = formatLocal(new Date(record.lastStart), timezone);
  const status =
    record.lastStatus === 'running' && !daemonRunning ? 'interrupted' : (record.lastStatus ?? 'unknown');
  const detail = record.lastDetail ? ` (${record.lastDetail})` : '';
  const error = status === 'failed' && record.lastError ? `: ${record.lastError}` : '';
  return `last ${at} ${status}${detail}${error}`;
}

export function formatJobLine(job: JobHealth, daemonRunning: boolean, timezone: string): string {
  const next = job.next ? `next ${formatLocal(job.next, timezone)}` : 'no next run';
  const failures = job.record.failures > 0 ? `, ${job.record.failures} failure(s) in a row` : '';
  return `${job.name} [${job.pattern}]: ${lastPart(job.record, daemonRunning, timezone)}; ${next}${failures}`;
}

function pipelineLine(run: PipelineRunHealth | undefined, timezone: string): string {
  if (!run) return 'last pipeline run: none yet';
  const at = formatLocal(new Date(run.startedAt), timezone);
  const failed = run.failedSteps.length > 0 ? `, failed steps: ${run.failedSteps.join(', ')}` : '';
  const errors = run.errors > 0 ? `, ${run.errors} error(s)` : '';
  return `last pipeline run ${run.runId} at ${at}: ${run.status}${failed}${errors}`;
}

export function formatHealth(input: HealthInput): string[] {
  const running = input.holder?.command === 'daemon';
  const lines = [daemonLine(input.holder, input.timezone)];
  for (const job of input.jobs) lines.push(formatJobLine(job, running, input.timezone));
  lines.push(pipelineLine(input.lastPipeline, input.timezone));
  if (input.spend) {
    lines.push(
      `LLM today: $${input.spend.todayUsd.toFixed(4)} of $${input.spend.budgetUsd.toFixed(2)} budget`,
    );
  }
  lines.push(`(times in ${input.timezone})`);
  return lines;
}
