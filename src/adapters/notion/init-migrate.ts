/**
 * `radar notion init` / `migrate`: create the radar's databases under a parent page, or bring an
 * existing one up to the schema by adding the missing properties. The ids go to notion.json.
 */
import { isFullDatabase, isFullDataSource } from '@notionhq/client';
import { ConfigError } from '../../core/errors.ts';
import type { NotionMapStore } from '../../store/notion-map-store.ts';
import type { NotionApi } from './notion-client.ts';
import {
  type DatabaseSpec,
  diffSchema,
  type ExistingSchema,
  initialProperties,
  type SchemaDiff,
} from './schema.ts';

export interface SchemaDeps {
  api: NotionApi;
  mapStore: NotionMapStore;
}

export interface DatabaseIds {
  databaseId: string;
  dataSourceId: string;
}

export interface MigrateResult extends DatabaseIds {
  name: string;
  created: boolean;
  added: string[];
  conflicts: SchemaDiff['conflicts'];
}

async function firstDataSource(api: NotionApi, databaseId: string): Promise<DatabaseIds> {
  const database = await api.call('databases.retrieve', (c) =>
    c.databases.retrieve({ database_id: databaseId }),
  );
  const source = isFullDatabase(database) ? database.data_sources[0] : undefined;
  if (!source)
    throw new ConfigError(`Notion database ${databaseId} has no data source the integration can see`);
  return { databaseId: database.id, dataSourceId: source.id };
}

async function createDatabase(
  api: NotionApi,
  spec: DatabaseSpec,
  parentPageId: string,
): Promise<DatabaseIds> {
  const database = await api.call('databases.create', (c) =>
    c.databases.create({
      parent: { type: 'page_id', page_id: parentPageId },
      title: [{ type: 'text', text: { content: spec.name } }],
      initial_data_source: { properties: initialProperties(spec) },
    }),
  );
  const source = isFullDatabase(database) ? database.data_sources[0] : undefined;
  if (!source) throw new ConfigError(`Notion created database ${database.id} without a data source`);
  return { databaseId: database.id, dataSourceId: source.id };
}

/** Adds the properties `spec` needs that the data source lacks; never renames, retypes or removes. */
export async function migrateDataSource(api: NotionApi, spec: DatabaseSpec, dataSourceId: string) {
  const source = await api.call('dataSources.retrieve', (c) =>
    c.dataSources.retrieve({ data_source_id: dataSourceId }),
  );
  if (!isFullDataSource(source))
    throw new ConfigError(`Notion data source ${dataSourceId} is not readable by the integration`);
  const existing: ExistingSchema = Object.fromEntries(
    Object.entries(source.properties).map(([name, p]) => [name, { type: p.type }]),
  );
  const diff = diffSchema(spec, existing, dataSourceId);
  const added = Object.keys(diff.add);
  if (added.length > 0) {
    await api.call('dataSources.update', (c) =>
      c.dataSources.update({ data_source_id: dataSourceId, properties: diff.add }),
    );
  }
  return { added, conflicts: diff.conflicts };
}

/**
 * Finds the database for `spec` (notion.json, then the configured id, else creates it under
 * `parentPageId`), records its ids, and migrates its schema.
 */
export async function ensureDatabase(
  deps: SchemaDeps,
  spec: DatabaseSpec,
  options: { parentPageId?: string | undefined; databaseId?: string | undefined },
): Promise<MigrateResult> {
  const map = await deps.mapStore.load();
  let ids = map.databases[spec.name];
  let created = false;
  if (!ids && options.databaseId) ids = await firstDataSource(deps.api, options.databaseId);
  if (!ids) {
    if (!options.parentPageId) {
      throw new ConfigError(
        `no Notion ${spec.name} database yet: run \`radar notion init --parent <page-id>\` (or set notion.parentPageId)`,
      );
    }
    ids = await createDatabase(deps.api, spec, options.parentPageId);
    created = true;
  }
  if (map.databases[spec.name]?.dataSourceId !== ids.dataSourceId) {
    map.databases[spec.name] = ids;
    await deps.mapStore.save(map);
  }
  const { added, conflicts } = await migrateDataSource(deps.api, spec, ids.dataSourceId);
  return { name: spec.name, ...ids, created, added, conflicts };
}
