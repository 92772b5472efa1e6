/** The notify step's benchmark section: new high-scoring benchmarks after the papers, once per day. */
import type { AppDeps } from '../app/app-deps.ts';
import { benchmarksDigestMessage } from '../benchmarks/digest-section.ts';
import { chatTargets } from '../chat/bot-runner.ts';
import type { ChatAdapter } from '../chat/chat-adapter.ts';
import { createBenchmarksStore } from '../store/benchmarks-store.ts';
import { createKvStore } from '../store/kv-store.ts';

/** New high-scoring benchmarks after the papers, once per day (a cursor guards re-runs). */
export async function sendBenchmarkSection(
  deps: AppDeps & { chat: readonly ChatAdapter[] },
  day: string,
): Promise<number> {
  const kv = createKvStore(deps.stateDir);
  const key = 'notify.benchmarks.lastDay';
  if ((await kv.get(key)) === day) return 0;
  const merged = await createBenchmarksStore(deps.stateDir).readMerged();
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
