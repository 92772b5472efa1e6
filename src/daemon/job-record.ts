/**
 * What the daemon remembers about each job, as `job.<name>.*` keys of the kv store
 * (`cursors.json`): last start and finish, outcome, error, consecutive failures, and `lastRun`,
 * the time the catch-up decision compares against.
 */
import { z } from 'zod';
import type { KvStore, KvValue } from '../store/kv-store.ts';
import type { KeyValues } from '../store/schemas.ts';

export const JOB_STATUSES = ['running', 'ok', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface JobRecord {
  lastStart?: string;
  lastFinish?: string;
  lastStatus?: JobStatus;
  /** One line about the last run, e.g. "completed, run 20261121T080000Z-run-ab12". */
  lastDetail?: string;
  lastError?: string;
  /** The scheduled time covered by the last run that finished (ok or failed, not cancelled). */
  lastRun?: string;
  failures: number;
}

const Status = z.enum(JOB_STATUSES);
const IsoDate = z.iso.datetime({ offset: true });

export const jobKey = (job: string, field: keyof JobRecord): string => `job.${job}.${field}`;

function text(values: KeyValues, key: string): string | undefined {
  const value = values[key];
  return typeof value === 'string' ? value : undefined;
}

function date(values: KeyValues, key: string): string | undefined {
  const parsed = IsoDate.safeParse(values[key]);
  return parsed.success ? parsed.data : undefined;
}

/** The record of one job from the kv store's values; missing or malformed fields are left out. */
export function jobRecordOf(values: KeyValues, job: string): JobRecord {
  const record: JobRecord = { failures: 0 };
  const status = Status.safeParse(values[jobKey(job, 'lastStatus')]);
  if (status.success) record.lastStatus = status.data;
  const failures = values[jobKey(job, 'failures')];
  if (typeof failures === 'number' && Number.isInteger(failures) && failures >= 0) record.failures = failures;
  for (const field of ['lastStart', 'lastFinish', 'lastRun'] as const) {
    const value = date(values, jobKey(job, field));
    if (value !== undefined) record[field] = value;
  }
  for (const field of ['lastDetail', 'lastError'] as const) {
    const value = text(values, jobKey(job, field));
    if (value !== undefined) record[field] = value;
  }
  return record;
}

/** Writes the given fields of a job's record (undefined clears a field) in one atomic kv write. */
export async function writeJobRecord(
  kv: KvStore,
  job: string,
  fields: { [K in keyof JobRecord]?: KvValue | undefined },
): Promise<void> {
  const values: Record<string, KvValue> = {};
  for (const [field, value] of Object.entries(fields)) values[`job.${job}.${field}`] = value ?? null;
  await kv.set(values);
}
