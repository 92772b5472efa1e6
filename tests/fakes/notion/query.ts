/** Data source query filters and sorts over the fake's pages, with Notion's errors for bad references. */
import { comparableText, isRecord, type PropertySchema, typeKeyOf } from './properties.ts';
import { validationError } from './wire.ts';

/** What a filter needs to know about one page; timestamps at the precision Notion stores them. */
export interface QueryablePage {
  values: ReadonlyMap<string, unknown>;
  createdTime: number;
  lastEditedTime: number;
}

export type FindProperty = (nameOrId: string) => PropertySchema | undefined;

function textMatches(condition: Record<string, unknown>, text: string): boolean {
  const [op, operand] = Object.entries(condition)[0] ?? [];
  const value = typeof operand === 'string' ? operand : '';
  switch (op) {
    case 'equals':
      return text === value;
    case 'does_not_equal':
      return text !== value;
    case 'contains':
      return text.toLowerCase().includes(value.toLowerCase());
    case 'does_not_contain':
      return !text.toLowerCase().includes(value.toLowerCase());
    case 'starts_with':
      return text.startsWith(value);
    case 'ends_with':
      return text.endsWith(value);
    case 'is_empty':
      return text === '';
    case 'is_not_empty':
      return text !== '';
    default:
      throw validationError(`body failed validation: unsupported text filter condition \`${String(op)}\`.`);
  }
}

function numberMatches(condition: Record<string, unknown>, value: unknown): boolean {
  const [op, operand] = Object.entries(condition)[0] ?? [];
  const n = typeof value === 'number' ? value : null;
  if (op === 'is_empty') return n === null;
  if (op === 'is_not_empty') return n !== null;
  if (n === null || typeof operand !== 'number') return false;
  const tests: Record<string, boolean> = {
    equals: n === operand,
    does_not_equal: n !== operand,
    greater_than: n > operand,
    less_than: n < operand,
    greater_than_or_equal_to: n >= operand,
    less_than_or_equal_to: n <= operand,
  };
  return tests[String(op)] ?? false;
}

function dateMatches(condition: Record<string, unknown>, ms: number | null): boolean {
  const [op, operand] = Object.entries(condition)[0] ?? [];
  if (op === 'is_empty') return ms === null;
  if (op === 'is_not_empty') return ms !== null;
  const bound = typeof operand === 'string' ? Date.parse(operand) : Number.NaN;
  if (Number.isNaN(bound))
    throw validationError(`body failed validation: date filter value should be a date.`);
  if (ms === null) return false;
  const tests: Record<string, boolean> = {
    equals: ms === bound,
    before: ms < bound,
    after: ms > bound,
    on_or_before: ms <= bound,
    on_or_after: ms >= bound,
  };
  const result = tests[String(op)];
  if (result === undefined)
    throw validationError(`body failed validation: unsupported date filter \`${String(op)}\`.`);
  return result;
}

function dateOf(stored: unknown): number | null {
  if (typeof stored === 'string') return Date.parse(stored);
  return isRecord(stored) && typeof stored.start === 'string' ? Date.parse(stored.start) : null;
}

function propertyMatches(filter: Record<string, unknown>, page: QueryablePage, find: FindProperty): boolean {
  const name = String(filter.property);
  const schema = find(name);
  if (!schema) throw validationError(`Could not find property with name or id: ${name}`);
  const filterType = typeKeyOf(filter);
  const condition = filterType === undefined ? undefined : filter[filterType];
  if (filterType === undefined || !isRecord(condition)) {
    throw validationError('body failed validation: body.filter should be a property filter.');
  }
  const textTypes = new Set(['title', 'rich_text', 'url', 'email', 'phone_number']);
  const compatible = filterType === schema.type || (textTypes.has(filterType) && textTypes.has(schema.type));
  if (!compatible)
    throw validationError(`database property ${schema.type} does not match filter ${filterType}`);
  const stored = page.values.get(schema.id);
  switch (schema.type) {
    case 'number':
      return numberMatches(condition, stored);
    case 'checkbox':
      if ('equals' in condition) return (stored === true) === condition.equals;
      return (stored === true) !== condition.does_not_equal;
    case 'date':
      return dateMatches(condition, dateOf(stored));
    case 'created_time':
      return dateMatches(condition, page.createdTime);
    case 'last_edited_time':
      return dateMatches(condition, page.lastEditedTime);
    case 'multi_select': {
      const names = Array.isArray(stored) ? stored.map((o: unknown) => comparableText(schema, o)) : [];
      if (typeof condition.contains === 'string') return names.includes(condition.contains);
      if (typeof condition.does_not_contain === 'string') return !names.includes(condition.does_not_contain);
      return condition.is_empty === true ? names.length === 0 : names.length > 0;
    }
    default:
      return textMatches(condition, comparableText(schema, stored));
  }
}

/** Evaluates a Notion filter: compound `and`/`or`, property filters and timestamp filters. */
export function matchesFilter(filter: unknown, page: QueryablePage, find: FindProperty): boolean {
  if (!isRecord(filter)) return true;
  if (Array.isArray(filter.and)) return filter.and.every((f: unknown) => matchesFilter(f, page, find));
  if (Array.isArray(filter.or)) return filter.or.some((f: unknown) => matchesFilter(f, page, find));
  if (filter.timestamp === 'last_edited_time' || filter.timestamp === 'created_time') {
    const condition = filter[filter.timestamp];
    if (!isRecord(condition))
      throw validationError(`body failed validation: body.filter.${filter.timestamp} is missing.`);
    const ms = filter.timestamp === 'created_time' ? page.createdTime : page.lastEditedTime;
    return dateMatches(condition, ms);
  }
  if (typeof filter.property === 'string') return propertyMatches(filter, page, find);
  throw validationError('body failed validation: body.filter should be a filter object.');
}

function sortKey(
  sort: Record<string, unknown>,
  page: QueryablePage,
  find: FindProperty,
): string | number | null {
  if (sort.timestamp === 'created_time') return page.createdTime;
  if (sort.timestamp === 'last_edited_time') return page.lastEditedTime;
  const name = String(sort.property);
  const schema = find(name);
  if (!schema) throw validationError(`Could not find sort property with name or id: ${name}`);
  const stored = page.values.get(schema.id);
  if (schema.type === 'number') return typeof stored === 'number' ? stored : null;
  if (schema.type === 'checkbox') return stored === true ? 1 : 0;
  if (schema.type === 'date') return dateOf(stored);
  if (schema.type === 'created_time') return page.createdTime;
  if (schema.type === 'last_edited_time') return page.lastEditedTime;
  const text = comparableText(schema, stored);
  return text === '' ? null : text;
}

/** Sorts by each entry in turn; empty values go last as in Notion. */
export function sortPages<T extends QueryablePage>(pages: T[], sorts: unknown, find: FindProperty): T[] {
  if (!Array.isArray(sorts) || sorts.length === 0) return pages;
  const entries = sorts.filter(isRecord);
  return [...pages].sort((a, b) => {
    for (const sort of entries) {
      const ka = sortKey(sort, a, find);
      const kb = sortKey(sort, b, find);
      if (ka === kb) continue;
      if (ka === null) return 1;
      if (kb === null) return -1;
      const order = ka < kb ? -1 : 1;
      return sort.direction === 'descending' ? -order : order;
    }
    return 0;
  });
}

const EMPTY_PAGE: QueryablePage = { values: new Map(), createdTime: 0, lastEditedTime: 0 };

/** Notion rejects a bad filter or sort even when no page would reach it. */
export function validateQuery(filter: unknown, sorts: unknown, find: FindProperty): void {
  matchesFilter(filter, EMPTY_PAGE, find);
  if (Array.isArray(sorts)) for (const sort of sorts.filter(isRecord)) sortKey(sort, EMPTY_PAGE, find);
}
