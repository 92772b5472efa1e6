/**
 * Telegram renderers of the platform-neutral message (pure). Every inline renders on its own, so
 * a message can be split between inlines without breaking a tag or an entity.
 */
import type { ChatMessage, Inline } from '../../chat/chat-adapter.ts';

export type ParseMode = 'HTML' | 'MarkdownV2';

export interface TelegramRenderer {
  readonly parseMode: ParseMode;
  renderInline(inline: Inline): string;
}

export const BLOCK_SEPARATOR = '\n\n';

export function renderMessage(renderer: TelegramRenderer, message: ChatMessage): string {
  return message.blocks
    .map((block) => block.map((i) => renderer.renderInline(i)).join(''))
    .join(BLOCK_SEPARATOR);
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeHtmlAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

export const htmlRenderer: TelegramRenderer = {
  parseMode: 'HTML',
  renderInline(inline) {
    const body = escapeHtml(inline.text);
    switch (inline.kind) {
      case 'text':
        return body;
      case 'bold':
        return `<b>${body}</b>`;
      case 'italic':
        return `<i>${body}</i>`;
      case 'code':
        return `<code>${body}</code>`;
      case 'link':
        return `<a href="${escapeHtmlAttribute(inline.url)}">${body}</a>`;
    }
  },
};

/** Every character MarkdownV2 reserves outside entities, and the backslash itself. */
export function escapeMarkdownV2(text: string): string {
  return text.replace(/[_*[\]()~`>#+\-=|{}.!\\]/g, '\\$&');
}

const escapeCode = (text: string): string => text.replace(/[`\\]/g, '\\$&');
const escapeUrl = (text: string): string => text.replace(/[)\\]/g, '\\$&');

export const markdownV2Renderer: TelegramRenderer = {
  parseMode: 'MarkdownV2',
  renderInline(inline) {
    switch (inline.kind) {
      case 'text':
        return escapeMarkdownV2(inline.text);
      case 'bold':
        return `*${escapeMarkdownV2(inline.text)}*`;
      case 'italic':
        // "_" next to another entity's "_" would read as underline "__"; \r is an empty separator.
        return `_${escapeMarkdownV2(inline.text)}_\r`;
      case 'code':
        return `\`${escapeCode(inline.text)}\``;
      case 'link':
        return `[${escapeMarkdownV2(inline.text)}](${escapeUrl(inline.url)})`;
    }
  },
};

export function rendererFor(parseMode: ParseMode): TelegramRenderer {
  return parseMode === 'HTML' ? htmlRenderer : markdownV2Renderer;
}
