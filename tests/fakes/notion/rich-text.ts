/** Rich text: request items → the response items Notion stores, with Notion's length limits. */
import { z } from 'zod';
import { validationError } from './wire.ts';

const MAX_CONTENT = 2000;
const MAX_ITEMS = 100;

const annotationsSchema = z
  .looseObject({
    bold: z.boolean().default(false),
    italic: z.boolean().default(false),
    strikethrough: z.boolean().default(false),
    underline: z.boolean().default(false),
    code: z.boolean().default(false),
    color: z.string().default('default'),
  })
  .prefault({});

const itemSchema = z.looseObject({
  type: z.enum(['text', 'mention', 'equation']).optional(),
  text: z.looseObject({ content: z.string(), link: z.looseObject({ url: z.string() }).nullish() }).optional(),
  mention: z.record(z.string(), z.unknown()).optional(),
  equation: z.looseObject({ expression: z.string() }).optional(),
  annotations: annotationsSchema,
  plain_text: z.string().optional(),
});

export interface RichTextItem {
  type: 'text' | 'mention' | 'equation';
  text?: { content: string; link: { url: string } | null };
  mention?: Record<string, unknown>;
  equation?: { expression: string };
  annotations: {
    bold: boolean;
    italic: boolean;
    strikethrough: boolean;
    underline: boolean;
    code: boolean;
    color: string;
  };
  plain_text: string;
  href: string | null;
}

function toItem(raw: unknown, path: string): RichTextItem {
  const parsed = itemSchema.safeParse(raw);
  if (!parsed.success) throw validationError(`body failed validation: ${path} should be a rich text object.`);
  const item = parsed.data;
  const { bold, italic, strikethrough, underline, code, color } = item.annotations;
  const annotations = { bold, italic, strikethrough, underline, code, color };
  if (item.text) {
    const { content } = item.text;
    if (content.length > MAX_CONTENT) {
      throw validationError(
        `body failed validation: ${path}.text.content.length should be ≤ \`${MAX_CONTENT}\`, instead was \`${content.length}\`.`,
      );
    }
    const link = item.text.link ? { url: item.text.link.url } : null;
    return {
      type: 'text',
      text: { content, link },
      annotations,
      plain_text: content,
      href: link?.url ?? null,
    };
  }
  if (item.equation) {
    const { expression } = item.equation;
    return { type: 'equation', equation: { expression }, annotations, plain_text: expression, href: null };
  }
  if (item.mention) {
    return {
      type: 'mention',
      mention: item.mention,
      annotations,
      plain_text: item.plain_text ?? '',
      href: null,
    };
  }
  throw validationError(`body failed validation: ${path}.text should be defined, instead was \`undefined\`.`);
}

/** Converts a request rich-text array; `path` names it in error messages (e.g. `body.properties.Name.title`). */
export function toRichText(raw: unknown, path: string): RichTextItem[] {
  if (!Array.isArray(raw)) throw validationError(`body failed validation: ${path} should be an array.`);
  if (raw.length > MAX_ITEMS) {
    throw validationError(
      `body failed validation: ${path}.length should be ≤ \`${MAX_ITEMS}\`, instead was \`${raw.length}\`.`,
    );
  }
  return raw.map((item, i) => toItem(item, `${path}[${i}]`));
}

export function plainText(items: readonly RichTextItem[]): string {
  return items.map((item) => item.plain_text).join('');
}

/** The response form of a plain string, for titles set by helpers. */
export function textItems(content: string): RichTextItem[] {
  return content === '' ? [] : toRichText([{ text: { content } }], 'text');
}
