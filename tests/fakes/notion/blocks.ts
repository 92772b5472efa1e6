/** Block children: request blocks → drafts (validated like Notion: ≤ 100 per request, rich text limits). */
import { isRecord } from './properties.ts';
import { toRichText } from './rich-text.ts';
import { validationError } from './wire.ts';

export const MAX_CHILDREN = 100;

export interface BlockDraft {
  type: string;
  payload: Record<string, unknown>;
  children: BlockDraft[];
}

export type BlockParent = { type: 'page_id'; page_id: string } | { type: 'block_id'; block_id: string };

export interface BlockRecord {
  id: string;
  parent: BlockParent;
  type: string;
  payload: Record<string, unknown>;
  createdTime: number;
  lastEditedTime: number;
  createdBy: string;
  inTrash: boolean;
}

const COLORED = new Set([
  'paragraph',
  'heading_1',
  'heading_2',
  'heading_3',
  'bulleted_list_item',
  'numbered_list_item',
  'quote',
  'to_do',
  'toggle',
  'callout',
]);

function toDraft(raw: unknown, path: string): BlockDraft {
  const block = isRecord(raw) ? raw : {};
  const type =
    typeof block.type === 'string'
      ? block.type
      : Object.keys(block).find((k) => k !== 'object' && k !== 'type');
  const content = type === undefined ? undefined : block[type];
  if (type === undefined || !isRecord(content)) {
    throw validationError(`body failed validation: ${path} should be a block object.`);
  }
  const payload: Record<string, unknown> = { ...content };
  if ('rich_text' in payload) payload.rich_text = toRichText(payload.rich_text, `${path}.${type}.rich_text`);
  if ('caption' in payload) payload.caption = toRichText(payload.caption, `${path}.${type}.caption`);
  if (COLORED.has(type)) payload.color ??= 'default';
  if (type === 'to_do') payload.checked ??= false;
  if (type === 'code') {
    payload.language ??= 'plain text';
    payload.caption ??= [];
  }
  let children: BlockDraft[] = [];
  if ('children' in payload) {
    children = toDrafts(payload.children, `${path}.${type}.children`);
    delete payload.children;
  }
  return { type, payload, children };
}

/** Validates and converts a `children` array from a request. */
export function toDrafts(raw: unknown, path: string): BlockDraft[] {
  if (!Array.isArray(raw)) throw validationError(`body failed validation: ${path} should be an array.`);
  if (raw.length > MAX_CHILDREN) {
    throw validationError(
      `body failed validation: ${path}.length should be ≤ \`${MAX_CHILDREN}\`, instead was \`${raw.length}\`.`,
    );
  }
  return raw.map((block, i) => toDraft(block, `${path}[${i}]`));
}

export function renderBlock(
  block: BlockRecord,
  hasChildren: boolean,
  formatTime: (ms: number) => string,
): Record<string, unknown> {
  return {
    object: 'block',
    id: block.id,
    parent: block.parent,
    created_time: formatTime(block.createdTime),
    last_edited_time: formatTime(block.lastEditedTime),
    created_by: { object: 'user', id: block.createdBy },
    last_edited_by: { object: 'user', id: block.createdBy },
    has_children: hasChildren,
    in_trash: block.inTrash,
    type: block.type,
    [block.type]: block.payload,
    archived: block.inTrash,
  };
}
