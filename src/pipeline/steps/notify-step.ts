/** notify: the day's digest to every configured chat; papers already sent to a chat are skipped. */
import type { DigestItem } from '../../chat/chat-adapter.ts';
import type { PublishItem } from '../../publish/publisher.ts';
import { texToText } from '../../text/latex/render-tex.ts';
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
}

export function toDigestItem(item: PublishItem): DigestItem {
  const { paper, summary, pick } = item;
  const code = summary?.code_and_data_links.find((l) => /github|gitlab|huggingface/.test(l));
  return {
    paperId: paper.id,
    // Chat shows text: LaTeX macros resolved, math as Unicode where it has a form.
    title: texToText(paper.title),
    tldr: texToText(summary?.one_sentence_summary ?? paper.abstract.split(/(?<=\.)\s/)[0] ?? paper.abstract),
    tags: summary?.tags ?? [],
    score: pick?.score ?? 0,
    reason: pick?.reason ?? 'top',
    reasonText:
      pick?.reason === 'explore' ? 'the classifier is unsure: your label teaches it most' : 'top score',
    links: { abs: paper.absUrl, pdf: paper.pdfUrl, ...(code ? { code } : {}) },
  };
}

export function createNotifyStep(deps: NotifyStepDeps): PipelineStep {
  return {
    name: 'notify',
    async run(ctx) {
      if (!deps.send) return { counts: { sent: 0 }, note: 'no chat configured' };
      const items = (await dayItems(deps.items, ctx.day)).map(toDigestItem);
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
