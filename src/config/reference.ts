/**
 * The configuration reference, generated from the zod schema: one row per setting with its
 * default and description. `scripts/config-reference.ts` writes it into the README, and a test
 * keeps the README in step with the schema.
 */
import { z } from 'zod';
import { RadarConfig } from './schema.ts';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  const?: unknown;
  enum?: unknown[];
  default?: unknown;
  description?: string;
}

interface Row {
  key: string;
  type: string;
  defaultValue: string;
  description: string;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.type === 'array') return `list of ${schema.items ? typeOf(schema.items) : 'values'}`;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' or ');
  return Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'value');
}

function shortDefault(value: unknown): string {
  if (value === undefined) return '';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function walk(schema: JsonSchema, key: string, rows: Row[]): void {
  const variants = schema.oneOf ?? (schema.anyOf?.every((v) => v.properties) ? schema.anyOf : undefined);
  if (variants) {
    for (const variant of variants) walk(variant, key, rows);
    return;
  }
  if (schema.properties) {
    for (const [name, child] of Object.entries(schema.properties)) {
      if (child.const !== undefined) continue;
      const tag = Object.entries(schema.properties).find(([, c]) => c.const !== undefined);
      const label = tag ? `${key}.${name} (${tag[0]} ${JSON.stringify(tag[1].const)})` : `${key}.${name}`;
      walk(child, label.replace(/^\./, ''), rows);
    }
    return;
  }
  const values = schema.additionalProperties;
  if (typeof values === 'object' && (values.properties || values.oneOf || values.anyOf)) {
    if (schema.default !== undefined || schema.description)
      rows.push({
        key,
        type: 'map',
        defaultValue: shortDefault(schema.default),
        description: schema.description ?? '',
      });
    walk(values, `${key}.<name>`, rows);
    return;
  }
  rows.push({
    key,
    type: typeOf(schema),
    defaultValue: shortDefault(schema.default),
    description: schema.description ?? '',
  });
}

export function configReference(): string {
  const schema = z.toJSONSchema(RadarConfig, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const rows: Row[] = [];
  walk(schema, '', rows);
  const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  return [
    '| setting | type | default | what it is |',
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| \`${r.key}\` | ${r.type} | ${r.defaultValue ? `\`${cell(r.defaultValue)}\`` : ''} | ${cell(r.description)} |`,
    ),
  ].join('\n');
}
