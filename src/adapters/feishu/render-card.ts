/**
 * Pure rendering for Feishu: a digest item → an interactive card (JSON 1.0 with `elements`), a
 * platform-neutral message → rich-text `post` content. Feishu caps a card or post request body at
 * 30 KB, so a message is split into posts of at most POST_MAX_BYTES of serialized elements
 * (20 KB, leaving room for the envelope); sizes are counted in UTF-8 bytes, so CJK text is safe.
 */
import type { ChatMessage, DigestItem, Inline } from '../../chat/chat-adapter.ts';
import { feedbackValue } from '../shared/feedback-value.ts';
import { type Measure, packParagraphs, splitParagraph } from '../shared/split-paragraphs.ts';

export const POST_MAX_BYTES = 20_000;
const MAX_PARAGRAPHS = 500;
/** The key under which a feedback button's value object carries `fb:+1:<paperId>`. */
export const FEEDBACK_KEY = 'radar_feedback';

export type PostElement =
  | { tag: 'text'; text: string; style?: string[] }
  | { tag: 'a'; text: string; href: string };

/** The `content` of an im/v1 `post` message. */
export interface PostContent {
  zh_cn: { title: string; content: PostElement[][] };
}

export function renderPostElement(inline: Inline): PostElement {
  switch (inline.kind) {
    case 'text':
      return { tag: 'text', text: inline.text };
    case 'bold':
      return { tag: 'text', text: inline.text, style: ['bold'] };
    case 'italic':
      return { tag: 'text', text: inline.text, style: ['italic'] };
    case 'code':
      return { tag: 'text', text: `\`${inline.text}\`` };
    case 'link':
      return { tag: 'a', text: inline.text, href: inline.url };
  }
}

const measure: Measure = (inline) => Buffer.byteLength(JSON.stringify(renderPostElement(inline)), 'utf8');

/** Splits a message into post contents that each stay under POST_MAX_BYTES. */
export function renderPosts(message: ChatMessage, title = ''): PostContent[] {
  const paragraphs = message.blocks
    .filter((p) => p.some((inline) => inline.text.trim() !== ''))
    .flatMap((p) => splitParagraph(p, POST_MAX_BYTES, measure));
  const parts = packParagraphs(
    paragraphs,
    { maxSize: POST_MAX_BYTES, maxParagraphs: MAX_PARAGRAPHS, separatorSize: 4 },
    measure,
  );
  return parts.map((part, index) => ({
    zh_cn: { title: index === 0 ? title : '', content: part.blocks.map((p) => p.map(renderPostElement)) },
  }));
}

const plain = (content: string) => ({ tag: 'plain_text', content });
const clip = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`;

function linkButtons(item: DigestItem): Array<Record<string, unknown>> {
  const links: Array<[string, string | undefined]> = [
    ['abs', item.links.abs],
    ['pdf', item.links.pdf],
    ['code', item.links.code],
    ['notion', item.links.notion],
  ];
  return links.flatMap(([name, url]) =>
    url ? [{ tag: 'button', text: plain(name), type: 'default', url }] : [],
  );
}

function feedbackButtons(paperId: string): Array<Record<string, unknown>> {
  return [
    {
      tag: 'button',
      text: plain('👍'),
      type: 'primary',
      value: { [FEEDBACK_KEY]: feedbackValue(paperId, 1) },
    },
    {
      tag: 'button',
      text: plain('👎'),
      type: 'danger',
      value: { [FEEDBACK_KEY]: feedbackValue(paperId, -1) },
    },
  ];
}

/**
 * One paper as an interactive card: title header, TL;DR, tags, score and reason, link buttons and,
 * when the app can receive card callbacks (not through a custom-bot webhook), 👍/👎 buttons.
 */
export function renderDigestCard(
  item: DigestItem,
  options: { feedbackButtons: boolean },
): Record<string, unknown> {
  const elements: Array<Record<string, unknown>> = [{ tag: 'div', text: plain(clip(item.tldr, 5000)) }];
  if (item.tags.length > 0)
    elements.push({ tag: 'div', text: plain(item.tags.map((t) => `#${t}`).join(' ')) });
  elements.push({
    tag: 'note',
    elements: [
      plain(`score ${item.score.toFixed(2)} · ${item.reason}: ${item.reasonText} · ${item.paperId}`),
    ],
  });
  elements.push({ tag: 'action', actions: linkButtons(item) });
  if (options.feedbackButtons) elements.push({ tag: 'action', actions: feedbackButtons(item.paperId) });
  return {
    config: { wide_screen_mode: true },
    header: { title: plain(clip(item.title, 200)), template: item.reason === 'explore' ? 'orange' : 'blue' },
    elements,
  };
}
