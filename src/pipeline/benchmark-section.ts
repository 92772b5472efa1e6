/** The notify step's benchmark section: new high-scoring benchmarks after the papers, once per day. */
import type { AppDeps } from '../app/app-deps.ts';
import { benchmarksDigestMessage } from '../benchmarks/digest-section.ts';
import { chatTargets } from '../chat/bot-runner.ts';
import type { ChatAdapter } from '../chat/chat-adapter.ts';
import type { Stores } from '../store/stores.ts';

/** New high-scoring benchmarks after the papers, once per day (a cursor guards re-runs). */
export async function sendBenchmarkSection(
  deps: Pick<AppDeps, 'config' | 'clock'> & {
    stores: Pick<Stores, 'cursors' | 'benchmarks'>;
    chat: readonly ChatAdapter[];
  },
  day: string,
): Promise<number> {
  const kv = deps.stores.cursors;
  const key = 'notify.benchmarks.lastDay';
  if ((await kv.get(key)) === day) return 0;
  const merged = await deps.stores.benchmarks.readMerged();
  const message = benchmarksDigestMessage(merged, deps.clock.now(), {
    minScore: deps.config.benchmarks.digestMinScore,
  });
  let sent = 0;
  if (message) {
    for (const target of chatTargets(deps.config, deps.chat)) {
      const adapter = deps.chat.find((a) => a.platform === target.platform);
      sent += (await adapter?.sendMessage(target.chatId, message))?.length ?? 0;
    }
  }
  await kv.set({ [key]: day });
  return sent;
}
