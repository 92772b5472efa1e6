/** PATCH /v1/data_sources/:id `properties`: add, rename, retype and delete properties like Notion. */
import {
  isRecord,
  makePropertySchema,
  type PropertySchema,
  type SelectOption,
  typeKeyOf,
} from './properties.ts';
import { validationError } from './wire.ts';

export function findProperty(
  properties: readonly PropertySchema[],
  nameOrId: string,
): PropertySchema | undefined {
  return properties.find((p) => p.name === nameOrId) ?? properties.find((p) => p.id === nameOrId);
}

function mergeOptions(existing: PropertySchema, change: Record<string, unknown>, type: string): void {
  const config = change[type];
  if (!isRecord(config) || !Array.isArray(config.options)) return;
  const incoming =
    makePropertySchema(existing.name, { [type]: { options: config.options } }, '').options ?? [];
  const merged: SelectOption[] = [...(existing.options ?? [])];
  for (const option of incoming) {
    if (!merged.some((o) => o.name === option.name || o.id === option.id)) merged.push(option);
  }
  existing.options = merged;
}

function updateExisting(
  properties: PropertySchema[],
  existing: PropertySchema,
  change: Record<string, unknown>,
  path: string,
): PropertySchema {
  let next = existing;
  const type = typeKeyOf(change);
  if (type !== undefined && type !== existing.type) {
    if (existing.type === 'title' || type === 'title') {
      throw validationError(`Cannot change the type of ${existing.name} to or from title.`);
    }
    next = { ...makePropertySchema(existing.name, change, path), id: existing.id };
    properties[properties.indexOf(existing)] = next;
  } else if (type !== undefined) {
    mergeOptions(existing, change, type);
  }
  if (typeof change.name === 'string' && change.name !== existing.name) {
    if (findProperty(properties, change.name)?.name === change.name) {
      throw validationError(`Property name ${change.name} already exists.`);
    }
    next.name = change.name;
  }
  if (typeof change.description === 'string' || change.description === null)
    next.description = change.description;
  return next;
}

/**
 * Applies a schema change in place. Returns the ids of properties whose stored page values are
 * no longer meaningful (deleted or retyped), so the caller can drop them.
 */
export function applySchemaChange(properties: PropertySchema[], changes: Record<string, unknown>): string[] {
  const dropped: string[] = [];
  for (const [key, change] of Object.entries(changes)) {
    const path = `body.properties.${key}`;
    const existing = findProperty(properties, key);
    if (change === null) {
      if (!existing) throw validationError(`${key} is not a property that exists.`);
      if (existing.type === 'title') throw validationError('Cannot delete the title property.');
      properties.splice(properties.indexOf(existing), 1);
      dropped.push(existing.id);
      continue;
    }
    if (!isRecord(change))
      throw validationError(`body failed validation: ${path} should be an object or null.`);
    if (existing) {
      const next = updateExisting(properties, existing, change, path);
      if (next.type !== existing.type) dropped.push(existing.id);
      continue;
    }
    const name = typeof change.name === 'string' ? change.name : key;
    const created = makePropertySchema(name, change, path);
    if (created.type === 'title' && properties.some((p) => p.type === 'title')) {
      throw validationError('Data source already has a title property.');
    }
    properties.push(created);
  }
  return dropped;
}

/** The schema of a new data source; Notion adds a `Name` title when none is given. */
export function initialSchema(raw: unknown): PropertySchema[] {
  const properties: PropertySchema[] = [];
  const requested = isRecord(raw) ? raw : {};
  for (const [name, config] of Object.entries(requested)) {
    properties.push(makePropertySchema(name, config, `body.initial_data_source.properties.${name}`));
  }
  const titles = properties.filter((p) => p.type === 'title').length;
  if (titles > 1) throw validationError('A data source can have only one title property.');
  if (titles === 0) properties.unshift(makePropertySchema('Name', { title: {} }, ''));
  return properties;
}
