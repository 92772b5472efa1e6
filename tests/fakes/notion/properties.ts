/**
 * Data source property schemas and page property values: request forms → what the fake stores
 * (the response payload of each type) → the response objects, with Notion's validation messages.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { toRichText } from './rich-text.ts';
import { validationError } from './wire.ts';

export interface SelectOption {
  id: string;
  name: string;
  color: string;
  description: string | null;
}

export interface PropertySchema {
  id: string;
  name: string;
  type: string;
  description: string | null;
  config: Record<string, unknown>;
  options?: SelectOption[];
}

export interface PageMeta {
  createdTime: string;
  lastEditedTime: string;
  createdBy: string;
  lastEditedBy: string;
}

const PROPERTY_TYPES = new Set([
  'title',
  'rich_text',
  'number',
  'select',
  'multi_select',
  'status',
  'date',
  'people',
  'files',
  'checkbox',
  'url',
  'email',
  'phone_number',
  'relation',
  'rollup',
  'formula',
  'created_time',
  'created_by',
  'last_edited_time',
  'last_edited_by',
  'unique_id',
  'button',
  'place',
  'location',
  'verification',
]);

const READ_ONLY = new Set([
  'created_time',
  'created_by',
  'last_edited_time',
  'last_edited_by',
  'formula',
  'rollup',
]);
const WITH_OPTIONS = new Set(['select', 'multi_select', 'status']);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The type a request object names: its `type`, else the first key that is a property type. */
export function typeKeyOf(value: Record<string, unknown>): string | undefined {
  if (typeof value.type === 'string' && PROPERTY_TYPES.has(value.type)) return value.type;
  return Object.keys(value).find((key) => PROPERTY_TYPES.has(key));
}

function newPropertyId(): string {
  return encodeURIComponent(randomBytes(3).toString('base64').slice(0, 4));
}

function makeOption(raw: unknown): SelectOption {
  const option = isRecord(raw) ? raw : {};
  return {
    id: typeof option.id === 'string' ? option.id : randomUUID(),
    name: typeof option.name === 'string' ? option.name : '',
    color: typeof option.color === 'string' ? option.color : 'default',
    description: typeof option.description === 'string' ? option.description : null,
  };
}

/** Builds a schema entry from a property configuration request such as `{ select: { options } }`. */
export function makePropertySchema(name: string, raw: unknown, path: string): PropertySchema {
  const request = isRecord(raw) ? raw : {};
  const type = typeKeyOf(request);
  if (!type) throw validationError(`body failed validation: ${path} should be a property configuration.`);
  const config = isRecord(request[type]) ? { ...request[type] } : {};
  const schema: PropertySchema = {
    id: type === 'title' ? 'title' : newPropertyId(),
    name,
    type,
    description: typeof request.description === 'string' ? request.description : null,
    config,
  };
  if (WITH_OPTIONS.has(type)) {
    schema.options = Array.isArray(config.options) ? config.options.map(makeOption) : [];
    delete config.options;
  }
  if (type === 'number') config.format ??= 'number';
  return schema;
}

export function renderSchema(schema: PropertySchema): Record<string, unknown> {
  const config = schema.options ? { ...schema.config, options: schema.options } : schema.config;
  return {
    id: schema.id,
    name: schema.name,
    description: schema.description,
    type: schema.type,
    [schema.type]: config,
  };
}

function resolveOption(schema: PropertySchema, raw: unknown, path: string): SelectOption {
  const wanted = isRecord(raw) ? raw : {};
  const options = schema.options ?? [];
  const found = options.find(
    (o) => o.id === wanted.id || (wanted.name !== undefined && o.name === wanted.name),
  );
  if (found) return found;
  if (typeof wanted.name !== 'string' || schema.type === 'status') {
    throw validationError(`body failed validation: ${path} does not match an option of ${schema.name}.`);
  }
  if (wanted.name.includes(',')) throw validationError(`Option names can't contain commas: ${wanted.name}`);
  const option = makeOption({ name: wanted.name, color: wanted.color });
  schema.options = [...options, option];
  return option;
}

function stringOrNull(value: unknown, schema: PropertySchema): string | null {
  if (value === null || typeof value === 'string') return value;
  throw validationError(`${schema.name} is expected to be ${schema.type}.`);
}

function toPayload(schema: PropertySchema, payload: unknown, path: string): unknown {
  const list = Array.isArray(payload) ? payload : [];
  switch (schema.type) {
    case 'title':
    case 'rich_text':
      return toRichText(payload, path);
    case 'number':
      if (payload === null || typeof payload === 'number') return payload;
      throw validationError(`${schema.name} is expected to be number.`);
    case 'checkbox':
      if (typeof payload === 'boolean') return payload;
      throw validationError(`${schema.name} is expected to be checkbox.`);
    case 'url':
    case 'email':
    case 'phone_number':
      return stringOrNull(payload, schema);
    case 'select':
    case 'status':
      return payload === null ? null : resolveOption(schema, payload, path);
    case 'multi_select':
      return list.map((option, i) => resolveOption(schema, option, `${path}[${i}]`));
    case 'date':
      if (payload === null) return null;
      if (isRecord(payload) && typeof payload.start === 'string') {
        return { start: payload.start, end: payload.end ?? null, time_zone: payload.time_zone ?? null };
      }
      throw validationError(
        `body failed validation: ${path}.start should be defined, instead was \`undefined\`.`,
      );
    case 'people':
      return list.map((user) => ({ object: 'user', id: isRecord(user) ? user.id : undefined }));
    case 'relation':
      return list.map((page) => ({ id: isRecord(page) ? page.id : undefined }));
    default:
      return payload;
  }
}

/** A page property value from a request: `{ rich_text: [...] }`, `{ type, number }` or a bare array. */
export function toStoredValue(schema: PropertySchema, raw: unknown, path: string): unknown {
  if (READ_ONLY.has(schema.type)) throw validationError(`${schema.name} is a read-only property.`);
  if (Array.isArray(raw)) return toPayload(schema, raw, `${path}.${schema.type}`);
  if (!isRecord(raw)) throw validationError(`${schema.name} is expected to be ${schema.type}.`);
  const key = typeKeyOf(raw);
  if (key !== schema.type) throw validationError(`${schema.name} is expected to be ${schema.type}.`);
  return toPayload(schema, raw[key], `${path}.${key}`);
}

function emptyPayload(schema: PropertySchema, meta: PageMeta): unknown {
  switch (schema.type) {
    case 'title':
    case 'rich_text':
    case 'multi_select':
    case 'people':
    case 'files':
    case 'relation':
      return [];
    case 'checkbox':
      return false;
    case 'created_time':
      return meta.createdTime;
    case 'last_edited_time':
      return meta.lastEditedTime;
    case 'created_by':
      return { object: 'user', id: meta.createdBy };
    case 'last_edited_by':
      return { object: 'user', id: meta.lastEditedBy };
    case 'formula':
      return { type: 'string', string: null };
    case 'rollup':
      return { type: 'array', array: [], function: schema.config.function ?? 'show_original' };
    default:
      return null;
  }
}

export function renderValue(
  schema: PropertySchema,
  stored: unknown,
  meta: PageMeta,
): Record<string, unknown> {
  const payload = stored === undefined || READ_ONLY.has(schema.type) ? emptyPayload(schema, meta) : stored;
  const value: Record<string, unknown> = { id: schema.id, type: schema.type, [schema.type]: payload };
  if (schema.type === 'relation') value.has_more = false;
  return value;
}

/** Text used by text filters and sorts: plain text of rich text, option names, numbers as strings. */
export function comparableText(schema: PropertySchema, stored: unknown): string {
  if (schema.type === 'title' || schema.type === 'rich_text') {
    if (!Array.isArray(stored)) return '';
    return stored
      .map((item: unknown) => (isRecord(item) && typeof item.plain_text === 'string' ? item.plain_text : ''))
      .join('');
  }
  if (typeof stored === 'string') return stored;
  if (isRecord(stored) && typeof stored.name === 'string') return stored.name;
  return stored === undefined || stored === null ? '' : String(stored);
}
