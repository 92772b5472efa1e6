/**
 * Pure rendering for Slack: platform-neutral messages and digest items → Block Kit blocks plus the
 * mrkdwn fallback `text` (notifications, old clients). Slack's limits: a section's text is at most
 * 3,000 characters and a message at most 50 blocks; we also keep a message's fallback text under
 * 12,000 characters (Slack truncates `text` at 40,000 and advises far less), so long text is
 * split into several messages.
 */
import type { ChatMessage, DigestItem, Inline } from '../../chat/chat-adapter.ts';
import { digestItemMessage } from '../../chat/message-format.ts';
import { feedbackValue } from '../shared/feedback-value.ts';
import { type Measure, packParagraphs, splitParagraph } from '../shared/split-paragraphs.ts';

export const SECTION_TEXT_LIMIT = 3000;
export const MAX_BLOCKS = 50;
export const MESSAGE_TEXT_LIMIT = 12_000;
const SEPARATOR = '\n\n';

export const FEEDBACK_ACTION_UP = 'radar_feedback_up';
export const FEEDBACK_ACTION_DOWN = 'radar_feedback_down';

export interface SlackBlock {
  type: string;
  [key: string]: unknown;
}

export interface SlackPayload {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's three control characters; everything else in mrkdwn text is literal enough. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function renderInline(inline: Inline): string {
  const text = escapeMrkdwn(inline.text);
  switch (inline.kind) {
    case 'text':
      return text;
    case 'bold':
      return text.trim() === '' ? text : `*${text}*`;
    case 'italic':
      return text.trim() === '' ? text : `_${text}_`;
    case 'code':
      return text === '' ? text : `\`${text.replace(/`/g, 'ˋ')}\``;
    case 'link':
      return `<${escapeMrkdwn(inline.url).replace(/\|/g, '%7C')}|${text.replace(/\|/g, '¦')}>`;
  }
}

const measure: Measure = (inline) => renderInline(inline).length;
const renderParagraph = (paragraph: readonly Inline[]): string => paragraph.map(renderInline).join('');
const section = (mrkdwn: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: mrkdwn } });

/** Splits a message into payloads that each fit Slack's limits; every paragraph is one section. */
export function renderMessage(message: ChatMessage): SlackPayload[] {
  const paragraphs = message.blocks
    .filter((p) => renderParagraph(p).trim() !== '')
    .flatMap((p) => splitParagraph(p, SECTION_TEXT_LIMIT, measure));
  const parts = packParagraphs(
    paragraphs,
    { maxSize: MESSAGE_TEXT_LIMIT, maxParagraphs: MAX_BLOCKS, separatorSize: SEPARATOR.length },
    measure,
  );
  return parts.map((part) => {
    const texts = part.blocks.map(renderParagraph);
    return { text: texts.join(SEPARATOR), blocks: texts.map(section) };
  });
}

const button = (text: string, extra: Record<string, unknown>): Record<string, unknown> => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: true },
  ...extra,
});

function linkButtons(item: DigestItem): Record<string, unknown>[] {
  const links: Array<[string, string | undefined]> = [
    ['abs', item.links.abs],
    ['pdf', item.links.pdf],
    ['code', item.links.code],
    ['notion', item.links.notion],
  ];
  return links.flatMap(([name, url]) =>
    url ? [button(name, { action_id: `radar_link_${name}`, url })] : [],
  );
}

const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

/** One paper as one message: title, TL;DR, tags, score and reason, link buttons and 👍/👎. */
export function renderDigestItem(item: DigestItem): SlackPayload {
  const meta = `score ${item.score.toFixed(2)} · ${item.reason}: ${escapeMrkdwn(item.reasonText)} · \`${escapeMrkdwn(item.paperId)}\``;
  const blocks: SlackBlock[] = [
    section(clip(`*<${escapeMrkdwn(item.links.abs)}|${escapeMrkdwn(item.title)}>*`, SECTION_TEXT_LIMIT)),
    section(clip(escapeMrkdwn(item.tldr), SECTION_TEXT_LIMIT)),
  ];
  const context: Array<Record<string, unknown>> = [];
  if (item.tags.length > 0) {
    context.push({ type: 'mrkdwn', text: clip(escapeMrkdwn(item.tags.map((t) => `#${t}`).join(' ')), 3000) });
  }
  context.push({ type: 'mrkdwn', text: clip(meta, 3000) });
  blocks.push({ type: 'context', elements: context });
  blocks.push({
    type: 'actions',
    block_id: `radar_feedback:${item.paperId}`,
    elements: [
      button('👍', {
        action_id: FEEDBACK_ACTION_UP,
        value: feedbackValue(item.paperId, 1),
        style: 'primary',
      }),
      button('👎', {
        action_id: FEEDBACK_ACTION_DOWN,
        value: feedbackValue(item.paperId, -1),
        style: 'danger',
      }),
      ...linkButtons(item),
    ],
  });
  const fallback = digestItemMessage(item).blocks.map(renderParagraph).join('\n');
  return { text: clip(fallback, MESSAGE_TEXT_LIMIT), blocks };
}
