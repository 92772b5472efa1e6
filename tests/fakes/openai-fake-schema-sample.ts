/**
 * Builds the smallest plausible value that satisfies a JSON schema, so the OpenAI fake can answer
 * a structured-output request (`response_format: json_schema`) without a model. Covers what
 * `zodResponseFormat` emits: objects, arrays with minItems, enums, consts, nullable type lists,
 * anyOf/oneOf/allOf, local `$ref`s and the common string formats.
 */

type JsonSchema = Record<string, unknown>;

const MAX_DEPTH = 12;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

function resolveRef(root: JsonSchema, ref: string): JsonSchema {
  if (!ref.startsWith('#')) return {};
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter(Boolean)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    node = isRecord(node) ? node[key] : undefined;
  }
  return isRecord(node) ? node : {};
}

function sampleString(schema: JsonSchema): string {
  const byFormat: Record<string, string> = {
    'date-time': '2024-01-01T00:00:00Z',
    date: '2024-01-01',
    time: '00:00:00',
    email: 'user@example.com',
    uri: 'https://example.com',
    url: 'https://example.com',
    uuid: '00000000-0000-4000-8000-000000000000',
  };
  const format = typeof schema.format === 'string' ? byFormat[schema.format] : undefined;
  let value = format ?? 'example';
  const minLength = asNumber(schema.minLength) ?? 0;
  const maxLength = asNumber(schema.maxLength);
  while (value.length < minLength) value += 'x';
  if (maxLength !== undefined) value = value.slice(0, maxLength);
  return value;
}

function sampleNumber(schema: JsonSchema, integer: boolean): number {
  const exclusiveMin = asNumber(schema.exclusiveMinimum);
  const min = asNumber(schema.minimum) ?? (exclusiveMin === undefined ? undefined : exclusiveMin + 1);
  const max = asNumber(schema.maximum) ?? asNumber(schema.exclusiveMaximum);
  let value = 1;
  if (min !== undefined && value < min) value = min;
  if (max !== undefined && value > max) value = min ?? max;
  return integer ? Math.ceil(value) : value;
}

function pickType(schema: JsonSchema): string | undefined {
  const { type } = schema;
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) {
    const concrete = type.find((t): t is string => typeof t === 'string' && t !== 'null');
    return concrete ?? (type.includes('null') ? 'null' : undefined);
  }
  if (isRecord(schema.properties)) return 'object';
  if (schema.items !== undefined) return 'array';
  return undefined;
}

function sampleObject(root: JsonSchema, schema: JsonSchema, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const properties = isRecord(schema.properties) ? schema.properties : {};
  for (const [key, child] of Object.entries(properties)) {
    out[key] = sampleNode(root, isRecord(child) ? child : {}, depth + 1);
  }
  return out;
}

function sampleArray(root: JsonSchema, schema: JsonSchema, depth: number): unknown[] {
  if (depth >= MAX_DEPTH) return [];
  const count = Math.max(1, asNumber(schema.minItems) ?? 0);
  const items = isRecord(schema.items) ? schema.items : {};
  return Array.from({ length: count }, () => sampleNode(root, items, depth + 1));
}

function mergeAll(root: JsonSchema, parts: unknown[]): JsonSchema {
  const merged: JsonSchema = {};
  const properties: Record<string, unknown> = {};
  for (const part of parts) {
    const schema = isRecord(part) ? part : {};
    const resolved = typeof schema.$ref === 'string' ? resolveRef(root, schema.$ref) : schema;
    Object.assign(merged, resolved);
    if (isRecord(resolved.properties)) Object.assign(properties, resolved.properties);
  }
  if (Object.keys(properties).length > 0) merged.properties = properties;
  return merged;
}

function sampleNode(root: JsonSchema, schema: JsonSchema, depth: number): unknown {
  if (depth > MAX_DEPTH) return null;
  if (typeof schema.$ref === 'string') return sampleNode(root, resolveRef(root, schema.$ref), depth + 1);
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.allOf)) return sampleNode(root, mergeAll(root, schema.allOf), depth + 1);
  const alternatives = Array.isArray(schema.anyOf) ? schema.anyOf : schema.oneOf;
  if (Array.isArray(alternatives) && alternatives.length > 0) {
    const nonNull = alternatives.find((alt) => !(isRecord(alt) && alt.type === 'null'));
    const chosen = nonNull ?? alternatives[0];
    return sampleNode(root, isRecord(chosen) ? chosen : {}, depth + 1);
  }
  switch (pickType(schema)) {
    case 'object':
      return sampleObject(root, schema, depth);
    case 'array':
      return sampleArray(root, schema, depth);
    case 'string':
      return sampleString(schema);
    case 'integer':
      return sampleNumber(schema, true);
    case 'number':
      return sampleNumber(schema, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return 'example';
  }
}

/** A minimal value valid against `schema` (best effort: `pattern` and `not` are ignored). */
export function sampleFromJsonSchema(schema: unknown): unknown {
  const root = isRecord(schema) ? schema : {};
  return sampleNode(root, root, 0);
}
