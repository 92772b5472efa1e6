/** notify: the day's digest to every configured chat; papers already sent to a chat are skipped. */
import type { DigestItem } from '../../chat/chat-adapter.ts';
import { paperPageUrls, toDigestItem } from '../../chat/digest-item.ts';
import type { NotionMap } from '../../store/schemas.ts';
import { type DayItemsDeps, dayItems } from '../day-items.ts';
import type { PipelineStep } from '../pipeline-step.ts';

export interface NotifyResult {
  target: string;
  sent: number;
  skipped: number;
  error?: string;
}

export interface NotifyStepDeps {
  items: DayItemsDeps;
  /** Absent when no chat is configured. */
  send?: (day: string, items: readonly DigestItem[]) => Promise<NotifyResult[]>;
  /** Extra sections after the papers (new high-scoring benchmarks); returns messages sent. */
  extras?: (day: string) => Promise<number>;
  /** The Notion map, read after the publish step: each paper message links its Notion page. */
  notionMap?: () => Promise<NotionMap>;
}

/** The one digest item builder, re-exported for the digest's own tests. */
export { toDigestItem };

export function createNotifyStep(deps: NotifyStepDeps): PipelineStep {
  return {
    name: 'notify',
    async run(ctx) {
      if (!deps.send) return { counts: { sent: 0 }, note: 'no chat configured' };
      const notion = deps.notionMap ? paperPageUrls(await deps.notionMap()) : new Map<string, string>();
      const items = (await dayItems(deps.items, ctx.day)).map((item) =>
        toDigestItem(item, notion.get(item.paper.id)),
      );
      const results = await deps.send(ctx.day, items);
      let sent = 0;
      for (const result of results) {
        sent += result.sent;
        if (result.error) ctx.itemFailed(result.target, result.error);
      }
      // A chat that got some of the papers was reached; its failed papers are recorded above.
      const failed = results.filter((r) => r.error && r.sent === 0).length;
      if (failed > 0 && failed === results.length)
        throw new Error(`the digest reached no chat: ${results[0]?.error}`);
      const extra = (await deps.extras?.(ctx.day)) ?? 0;
      return {
        counts: { sent: sent + extra, chats: results.length, failed },
        note: `${sent + extra} messages to ${results.length} chats`,
      };
    },
  };
}
