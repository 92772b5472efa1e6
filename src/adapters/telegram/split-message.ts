/**
 * Splits a message into parts whose rendered text fits Telegram's 4,096 characters (pure), with
 * the shared paragraph splitter: cuts fall between paragraphs, then between inlines, then inside
 * an inline's text at a line break or a space, so no tag or entity is ever cut. Lengths are
 * measured on the rendered markup, which is never shorter than what Telegram counts.
 */
import type { ChatMessage } from '../../chat/chat-adapter.ts';
import { type Measure, packParagraphs, splitParagraph } from '../shared/split-paragraphs.ts';
import { BLOCK_SEPARATOR, type TelegramRenderer } from './render.ts';

export const TELEGRAM_MAX_LENGTH = 4096;

export function splitMessage(
  message: ChatMessage,
  renderer: TelegramRenderer,
  limit = TELEGRAM_MAX_LENGTH,
): ChatMessage[] {
  const measure: Measure = (inline) => renderer.renderInline(inline).length;
  const paragraphs = message.blocks.flatMap((block) => splitParagraph(block, limit, measure));
  return packParagraphs(
    paragraphs,
    { maxSize: limit, maxParagraphs: Number.POSITIVE_INFINITY, separatorSize: BLOCK_SEPARATOR.length },
    measure,
  );
}
