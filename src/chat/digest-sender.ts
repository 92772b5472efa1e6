/**
 * Sends the digest (a header, one message per paper, a footer) to every configured chat and
 * records each paper message in the message map. Idempotent: a paper already sent to a chat is
 * not sent again (unless `force`, for `/digest`), and a chat with nothing new gets nothing.
 */
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../log/logger.ts';
import type { MessageMapStore } from '../store/message-map-store.ts';
import type { ChatAdapter, ChatPlatform, DigestItem } from './chat-adapter.ts';
import { digestFooter, digestHeader } from './message-format.ts';
import type { ReactionConfig } from './reactions.ts';

export interface DigestTarget {
  platform: ChatPlatform;
  chatId: string;
}

export interface DigestSenderDeps {
  adapters: readonly ChatAdapter[];
  messageMap: Pick<MessageMapStore, 'append' | 'sentTo'>;
  clock: Clock;
  logger: Pick<Logger, 'info' | 'error'>;
  reactions: ReactionConfig;
}

export interface DigestSendResult {
  target: DigestTarget;
  sent: number;
  skipped: number;
  /** Papers whose message failed: not in the message map, so the next send retries them. */
  failed: Array<{ paperId: string; error: string }>;
  error?: string;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The header and footer are best effort: a failure there costs the frame, not the papers. */
async function frame(deps: DigestSenderDeps, target: DigestTarget, send: () => Promise<unknown>) {
  try {
    await send();
  } catch (error) {
    deps.logger.error({ ...target, error: messageOf(error) }, 'digest header/footer not sent');
  }
}

export async function sendDigestToChat(
  deps: DigestSenderDeps,
  target: DigestTarget,
  date: string,
  items: readonly DigestItem[],
  options: { force?: boolean } = {},
): Promise<DigestSendResult> {
  const adapter = deps.adapters.find((a) => a.platform === target.platform);
  if (!adapter)
    return { target, sent: 0, skipped: items.length, failed: [], error: `no ${target.platform} adapter` };
  const already = options.force
    ? new Set<string>()
    : await deps.messageMap.sentTo(target.platform, target.chatId);
  const todo = items.filter((item) => !already.has(item.paperId));
  const skipped = items.length - todo.length;
  if (todo.length === 0) return { target, sent: 0, skipped, failed: [] };
  await frame(deps, target, () => adapter.sendMessage(target.chatId, digestHeader(date, todo.length)));
  const failed: DigestSendResult['failed'] = [];
  for (const item of todo) {
    try {
      const sent = await adapter.sendDigestItem(target.chatId, item);
      // Recorded right after each send: a crash mid-digest re-sends only the papers not yet recorded.
      await deps.messageMap.append([{ ...sent, paperId: item.paperId, at: deps.clock.now().toISOString() }]);
    } catch (error) {
      failed.push({ paperId: item.paperId, error: messageOf(error) });
      deps.logger.error(
        { ...target, paperId: item.paperId, error: messageOf(error) },
        'digest item not sent',
      );
    }
  }
  const footer = digestFooter(deps.reactions.positive, deps.reactions.negative);
  await frame(deps, target, () => adapter.sendMessage(target.chatId, footer));
  const result = { target, sent: todo.length - failed.length, skipped, failed };
  if (failed.length === 0) return result;
  const which = failed.map((f) => `${f.paperId}: ${f.error}`).join('; ');
  return { ...result, error: `${failed.length} of ${todo.length} papers not sent: ${which}` };
}

/** Every target in turn; a chat that fails does not stop the others. */
export async function sendDigest(
  deps: DigestSenderDeps,
  targets: readonly DigestTarget[],
  date: string,
  items: readonly DigestItem[],
): Promise<DigestSendResult[]> {
  const results: DigestSendResult[] = [];
  for (const target of targets) {
    try {
      results.push(await sendDigestToChat(deps, target, date, items));
    } catch (error) {
      const message = messageOf(error);
      deps.logger.error({ ...target, error: message }, 'digest send failed');
      results.push({ target, sent: 0, skipped: 0, failed: [], error: message });
    }
  }
  return results;
}
