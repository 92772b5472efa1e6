/**
 * The properties the radar needs on its Notion databases, and the diff of an existing data
 * source against them. Migration only ever adds: a property the user renamed, retyped or added
 * is theirs and is left alone.
 */

import type { CreateDatabaseParameters, UpdateDataSourceParameters } from '@notionhq/client';

/** A property configuration as `databases.create` / `dataSources.update` take it. */
export type PropertyConfig = NonNullable<
  NonNullable<CreateDatabaseParameters['initial_data_source']>['properties']
>[string] &
  NonNullable<NonNullable<UpdateDataSourceParameters['properties']>[string]>;

export interface PropertySpec {
  name: string;
  type: string;
  /** The configuration to create it with; `selfId` is the data source's own id (for self relations). */
  config(selfId: string | undefined): PropertyConfig;
  /** Needs the data source's own id, so it is added after the database exists. */
  needsSelf?: boolean;
}

export const PAPER_PROPS = {
  title: 'Title',
  arxivId: 'arXiv ID',
  authors: 'Authors',
  published: 'Published',
  categories: 'Categories',
  tags: 'Tags',
  score: 'Score',
  pick: 'Pick',
  tldr: 'TL;DR',
  links: 'Links',
  related: 'Related',
  feedback: 'Feedback',
  summaryModel: 'Summary model',
  added: 'Added',
} as const;

export const FEEDBACK_OPTIONS = { positive: '👍', negative: '👎' } as const;

const simple = (name: string, type: 'title' | 'rich_text' | 'date'): PropertySpec => ({
  name,
  type,
  config: () => (type === 'title' ? { title: {} } : type === 'date' ? { date: {} } : { rich_text: {} }),
});

const select = (name: string, type: 'select' | 'multi_select', names: readonly string[]): PropertySpec => {
  const options = names.map((o) => ({ name: o }));
  return {
    name,
    type,
    config: () => (type === 'select' ? { select: { options } } : { multi_select: { options } }),
  };
};

export const PAPERS_SCHEMA: readonly PropertySpec[] = [
  simple(PAPER_PROPS.title, 'title'),
  simple(PAPER_PROPS.arxivId, 'rich_text'),
  simple(PAPER_PROPS.authors, 'rich_text'),
  simple(PAPER_PROPS.published, 'date'),
  select(PAPER_PROPS.categories, 'multi_select', []),
  select(PAPER_PROPS.tags, 'multi_select', []),
  { name: PAPER_PROPS.score, type: 'number', config: () => ({ number: { format: 'number' } }) },
  select(PAPER_PROPS.pick, 'select', ['top', 'explore']),
  simple(PAPER_PROPS.tldr, 'rich_text'),
  simple(PAPER_PROPS.links, 'rich_text'),
  {
    name: PAPER_PROPS.related,
    type: 'relation',
    needsSelf: true,
    config: (selfId) => ({
      relation: { data_source_id: selfId ?? '', type: 'single_property', single_property: {} },
    }),
  },
  select(PAPER_PROPS.feedback, 'select', [FEEDBACK_OPTIONS.positive, FEEDBACK_OPTIONS.negative]),
  simple(PAPER_PROPS.summaryModel, 'rich_text'),
  simple(PAPER_PROPS.added, 'date'),
];

export interface DatabaseSpec {
  /** The key in notion.json and the database's title. */
  name: string;
  properties: readonly PropertySpec[];
}

export const PAPERS_DATABASE: DatabaseSpec = { name: 'Papers', properties: PAPERS_SCHEMA };

/** What a data source has: property name → type. */
export type ExistingSchema = Readonly<Record<string, { type: string }>>;

export interface SchemaDiff {
  /** Properties to add, ready for `dataSources.update`. */
  add: Record<string, PropertyConfig>;
  /** Properties the radar needs that exist with another type: left alone, reported. */
  conflicts: Array<{ name: string; expected: string; actual: string }>;
}

/** The initial properties of a new database: everything that does not need the database's own id. */
export function initialProperties(spec: DatabaseSpec): Record<string, PropertyConfig> {
  return Object.fromEntries(
    spec.properties.filter((p) => !p.needsSelf).map((p) => [p.name, p.config(undefined)]),
  );
}

export function diffSchema(spec: DatabaseSpec, existing: ExistingSchema, selfId: string): SchemaDiff {
  const diff: SchemaDiff = { add: {}, conflicts: [] };
  const existingTitle = Object.entries(existing).find(([, p]) => p.type === 'title')?.[0];
  for (const property of spec.properties) {
    const current = existing[property.name];
    if (current) {
      if (current.type !== property.type)
        diff.conflicts.push({ name: property.name, expected: property.type, actual: current.type });
      continue;
    }
    // A data source has exactly one title; the user's (e.g. "Name") serves, under its own name.
    if (property.type === 'title' && existingTitle !== undefined) continue;
    diff.add[property.name] = property.config(selfId);
  }
  return diff;
}

/** The name of the title property in an existing schema (the user may have kept "Name"). */
export function titlePropertyName(existing: ExistingSchema, fallback: string): string {
  if (existing[fallback]?.type === 'title') return fallback;
  return Object.entries(existing).find(([, p]) => p.type === 'title')?.[0] ?? fallback;
}
