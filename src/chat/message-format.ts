/** Pure builders of the platform-neutral messages the bots send. */
import type { Alert, ChatMessage, DigestItem, Inline } from './chat-adapter.ts';

export const text = (value: string): Inline => ({ kind: 'text', text: value });
export const bold = (value: string): Inline => ({ kind: 'bold', text: value });
export const italic = (value: string): Inline => ({ kind: 'italic', text: value });
export const code = (value: string): Inline => ({ kind: 'code', text: value });
export const link = (label: string, url: string): Inline => ({ kind: 'link', text: label, url });

/** A message of plain paragraphs. */
export function plainMessage(...paragraphs: string[]): ChatMessage {
  return { blocks: paragraphs.map((p) => [text(p)]) };
}

/** The text a user would read, without markup: for logs, tests and length checks. */
export function plainText(message: ChatMessage): string {
  return message.blocks.map((block) => block.map((inline) => inline.text).join('')).join('\n\n');
}

export function digestHeader(date: string, count: number): ChatMessage {
  const papers = count === 1 ? '1 paper' : `${count} papers`;
  return { blocks: [[bold(`Research radar — ${date}`)], [text(`${papers} picked for you today.`)]] };
}

export function digestFooter(positive: readonly string[], negative: readonly string[]): ChatMessage {
  return {
    blocks: [
      [
        text(
          `React with ${positive.slice(0, 2).join(' ')} or ${negative.slice(0, 1).join(' ')} (or use the buttons) to teach the radar. /help lists the commands.`,
        ),
      ],
    ],
  };
}

function linkLine(item: DigestItem): Inline[] {
  const links: Inline[] = [link('abs', item.links.abs), text(' · '), link('pdf', item.links.pdf)];
  if (item.links.code) links.push(text(' · '), link('code', item.links.code));
  if (item.links.notion) links.push(text(' · '), link('notion', item.links.notion));
  return links;
}

export function digestItemMessage(item: DigestItem): ChatMessage {
  const blocks: Inline[][] = [[bold(item.title)], [text(item.tldr)]];
  if (item.tags.length > 0) blocks.push([italic(item.tags.map((t) => `#${t}`).join(' '))]);
  blocks.push([
    text(
      `score ${item.score.toFixed(2)} · ${item.reason === 'explore' ? 'explore' : 'top'}: ${item.reasonText} · `,
    ),
    code(item.paperId),
  ]);
  blocks.push(linkLine(item));
  return { blocks };
}

export function alertMessage(alert: Alert): ChatMessage {
  const blocks: Inline[][] = [
    [bold(`⚠️ Alert: ${alert.kind}`)],
    [text('component: '), code(alert.component)],
    [text('error: '), code(alert.errorType)],
    [text(alert.message)],
    [text(`at ${alert.at}`)],
  ];
  if (alert.suppressed > 0) {
    blocks.push([
      italic(
        `${alert.suppressed} more alert${alert.suppressed === 1 ? '' : 's'} of this kind suppressed since the last one.`,
      ),
    ]);
  }
  return { blocks };
}
