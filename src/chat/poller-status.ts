/** The `radar status` lines about chat receiving: who polls, whether it had to restart and why. */
import { readPollerRecords } from '../store/poller-record-store.ts';

export async function pollerStatusLines(stateDir: string): Promise<string[]> {
  const records = await readPollerRecords(stateDir);
  return records.map(({ record, alive }) => {
    const who = `pid ${record.pid}, radar ${record.command}`;
    if (!alive) return `${record.platform} polling: not running (the last poller, ${who}, is gone)`;
    const restarts =
      record.restarts === 0
        ? ''
        : `, restarted ${record.restarts} time${record.restarts === 1 ? '' : 's'}, last error: ${record.lastError ?? 'unknown'}`;
    return `${record.platform} polling: ${record.state} (${who}, since ${record.startedAt})${restarts}`;
  });
}
