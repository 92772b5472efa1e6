/**
 * One contender of the state-lock stress test: tries `attempts` times to take the lock; while
 * holding it, it claims a shared marker file exclusively, so a second holder at the same time
 * finds the marker taken and counts an overlap. Prints `{ acquired, overlaps }` as JSON.
 */
import { open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StateLockedError } from '../../src/core/errors.ts';
import { acquireStateLock } from '../../src/store/state-lock.ts';

const [stateDir, attemptsArg, markerDir] = process.argv.slice(2);
const attempts = Number(attemptsArg);
if (!stateDir || !markerDir || !Number.isInteger(attempts))
  throw new Error('usage: <state> <attempts> <marker-dir>');

const yieldTurns = async (turns: number): Promise<void> => {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
};

let acquired = 0;
let overlaps = 0;
for (let i = 0; i < attempts; i++) {
  let lock: Awaited<ReturnType<typeof acquireStateLock>>;
  try {
    lock = await acquireStateLock(stateDir, `contender ${process.pid}`);
  } catch (error) {
    if (error instanceof StateLockedError) {
      await yieldTurns(1 + (i % 3));
      continue;
    }
    throw error;
  }
  acquired += 1;
  const marker = join(markerDir, 'holder');
  let mine = false;
  try {
    const handle = await open(marker, 'wx');
    await handle.close();
    mine = true;
  } catch {
    overlaps += 1;
  }
  await yieldTurns(5);
  if (mine) await unlink(marker);
  await lock.release();
}
process.stdout.write(JSON.stringify({ acquired, overlaps }));
