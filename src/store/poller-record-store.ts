/**
 * One receiver per bot account and state: `chat/<platform>-poller.json` names the process that
 * polls (pid, command, state, restarts, last error). Telegram allows one getUpdates per token —
 * a second poller makes the first one fail with 409 — so a second radar on the same state is
 * refused instead; `radar status` reads the record to show whether polling is alive.
 *
 * The record is created atomically with its content (a temp file, then `link`), so a contender
 * never reads it half written; a record whose process is gone is taken over.
 */
import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { RadarError } from '../core/errors.ts';
import { writeJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';
import { isProcessAlive } from './state-lock.ts';

export const PollerRecord = z.object({
  platform: z.string(),
  claim: z.string(),
  pid: z.number().int(),
  hostname: z.string(),
  command: z.string(),
  startedAt: z.string(),
  state: z.enum(['starting', 'polling', 'restarting']),
  restarts: z.number().int().nonnegative(),
  lastError: z.string().optional(),
  updatedAt: z.string(),
});
export type PollerRecord = z.infer<typeof PollerRecord>;

/** Another live process already receives for this platform on this state. */
export class PollerBusyError extends RadarError {}

export interface PollerClaim {
  readonly record: PollerRecord;
  update(patch: Pick<PollerRecord, 'state' | 'restarts'> & { lastError?: string }): Promise<void>;
  release(): Promise<void>;
}

const POLLER_FILE = /^([a-z]+)-poller\.json$/;

export function pollerFile(stateDir: string, platform: string): string {
  return join(statePaths(stateDir).root, 'chat', `${platform}-poller.json`);
}

async function readRecord(file: string): Promise<PollerRecord | undefined | 'torn'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = PollerRecord.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'torn';
  } catch {
    return 'torn';
  }
}

export const isRecordAlive = (record: PollerRecord): boolean =>
  record.hostname !== hostname() || isProcessAlive(record.pid);

async function createExclusive(file: string, record: PollerRecord): Promise<boolean> {
  const temp = `${file}.${record.claim}.tmp`;
  await writeFile(temp, `${JSON.stringify(record, null, 2)}\n`);
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function busy(platform: string, held: PollerRecord): PollerBusyError {
  const name = platform.charAt(0).toUpperCase() + platform.slice(1);
  const where = held.hostname === hostname() ? `pid ${held.pid}` : `pid ${held.pid} on ${held.hostname}`;
  return new PollerBusyError(
    `${name} is already polled for this state by radar ${held.command} (${where}, since ${held.startedAt}); stop it first — one poller per bot token`,
  );
}

export async function claimPoller(
  stateDir: string,
  platform: string,
  command: string,
  now: () => Date,
): Promise<PollerClaim> {
  const file = pollerFile(stateDir, platform);
  await mkdir(join(statePaths(stateDir).root, 'chat'), { recursive: true });
  const at = now().toISOString();
  let record: PollerRecord = {
    platform,
    claim: randomBytes(6).toString('hex'),
    pid: process.pid,
    hostname: hostname(),
    command,
    startedAt: at,
    state: 'starting',
    restarts: 0,
    updatedAt: at,
  };
  let claimed = false;
  for (let attempt = 0; attempt < 3 && !claimed; attempt++) {
    claimed = await createExclusive(file, record);
    if (claimed) break;
    const held = await readRecord(file);
    if (held === undefined) continue;
    if (held !== 'torn' && isRecordAlive(held)) throw busy(platform, held);
    await unlink(file).catch(() => undefined);
  }
  if (!claimed) throw new PollerBusyError(`could not claim ${file}; try again`);

  const ours = async (): Promise<boolean> => {
    const current = await readRecord(file).catch(() => undefined);
    return typeof current === 'object' && current.claim === record.claim;
  };
  // Updates are written in order: a late 'restarting' must not overwrite the 'polling' after it.
  let chain: Promise<void> = Promise.resolve();
  const queued = (work: () => Promise<void>): Promise<void> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };
  return {
    get record() {
      return record;
    },
    update(patch) {
      const { lastError, ...rest } = patch;
      record = {
        ...record,
        ...rest,
        ...(lastError === undefined ? {} : { lastError }),
        updatedAt: now().toISOString(),
      };
      const snapshot = record;
      return queued(async () => {
        if (await ours()) await writeJsonFile(file, snapshot);
      });
    },
    release: () =>
      queued(async () => {
        if (await ours()) await unlink(file).catch(() => undefined);
      }),
  };
}

/** Every poller record of the state, with whether its process still runs. */
export async function readPollerRecords(
  stateDir: string,
): Promise<Array<{ record: PollerRecord; alive: boolean }>> {
  const dir = join(statePaths(stateDir).root, 'chat');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return [];
    throw error;
  }
  const found: Array<{ record: PollerRecord; alive: boolean }> = [];
  for (const name of names.filter((n) => POLLER_FILE.test(n)).sort()) {
    const record = await readRecord(join(dir, name));
    if (typeof record === 'object') found.push({ record, alive: isRecordAlive(record) });
  }
  return found;
}
