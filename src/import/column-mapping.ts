/**
 * Which column of an imported file feeds which paper field, and which vector column feeds which
 * embedding model. Names are matched loosely (case, camelCase, `-` and spaces do not matter) against
 * the names older arXiv datasets use; a column nothing matches is reported, never an error.
 */
import type { ColumnKind, SourceColumn } from './source-columns.ts';

export type PaperField =
  | 'id'
  | 'version'
  | 'title'
  | 'abstract'
  | 'authors'
  | 'categories'
  | 'primaryCategory'
  | 'comment'
  | 'journalRef'
  | 'doi'
  | 'published'
  | 'updated';

const DATE_KINDS: readonly ColumnKind[] = ['timestamp', 'date', 'string', 'integer'];
const TEXT: readonly ColumnKind[] = ['string'];
const TEXT_OR_LIST: readonly ColumnKind[] = ['string', 'string-list'];

/** Names each field goes by, in order of preference, and the kinds of column it accepts. */
const FIELDS: ReadonlyArray<{ field: PaperField; names: readonly string[]; kinds: readonly ColumnKind[] }> = [
  { field: 'id', names: ['id', 'arxiv_id', 'arxivid', 'paper_id', 'entry_id', 'arxiv'], kinds: TEXT },
  { field: 'version', names: ['version', 'arxiv_version', 'latest_version'], kinds: ['integer', 'string'] },
  { field: 'title', names: ['title', 'paper_title'], kinds: TEXT },
  { field: 'abstract', names: ['abstract', 'summary', 'paper_abstract'], kinds: TEXT },
  { field: 'authors', names: ['authors', 'author', 'author_names', 'authors_parsed'], kinds: TEXT_OR_LIST },
  { field: 'categories', names: ['categories', 'category', 'arxiv_categories'], kinds: TEXT_OR_LIST },
  { field: 'primaryCategory', names: ['primary_category', 'primary_cat', 'main_category'], kinds: TEXT },
  { field: 'comment', names: ['comment', 'comments'], kinds: TEXT },
  { field: 'journalRef', names: ['journal_ref', 'journal_reference', 'journal'], kinds: TEXT },
  { field: 'doi', names: ['doi'], kinds: TEXT },
  {
    field: 'published',
    names: [
      'published',
      'published_date',
      'published_at',
      'publish_date',
      'submitted',
      'submitted_date',
      'created',
      'created_at',
      'date',
    ],
    kinds: DATE_KINDS,
  },
  {
    field: 'updated',
    names: ['updated', 'updated_date', 'updated_at', 'update_date', 'last_updated', 'modified'],
    kinds: DATE_KINDS,
  },
];

/** `publishedDate`, `Published-Date`, `published date` → `published_date`. */
export function normalizeColumnName(name: string): string {
  return name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[\s-]+/g, '_')
    .toLowerCase();
}

export interface VectorMapping {
  column: string;
  model: string;
}

export interface IgnoredColumn {
  name: string;
  type: string;
  why: string;
}

export interface ColumnMapping {
  fields: Partial<Record<PaperField, string>>;
  vectors: VectorMapping[];
  /** Vector columns no model takes (no `--model-column` and no model of that name). */
  unmappedVectors: string[];
  /** Columns the import does not use. */
  ignored: IgnoredColumn[];
}

export interface MappingOptions {
  /** `--model-column NAME=MODEL`: column name → model name. */
  modelColumns: ReadonlyMap<string, string>;
  /** The configured embedding models; a vector column named like one of them maps to it. */
  models: ReadonlySet<string>;
}

function fieldFor(column: SourceColumn, taken: ReadonlySet<PaperField>): PaperField | undefined {
  const name = normalizeColumnName(column.name);
  const match = FIELDS.find((f) => !taken.has(f.field) && f.names.includes(name));
  return match?.kinds.includes(column.kind) ? match.field : undefined;
}

/** Columns ranked by how well their name matches a field, so `title` beats `paper_title`. */
function rank(column: SourceColumn): number {
  const name = normalizeColumnName(column.name);
  for (const { names } of FIELDS) {
    const at = names.indexOf(name);
    if (at >= 0) return at;
  }
  return Number.POSITIVE_INFINITY;
}

export function mapColumns(columns: readonly SourceColumn[], options: MappingOptions): ColumnMapping {
  const mapping: ColumnMapping = { fields: {}, vectors: [], unmappedVectors: [], ignored: [] };
  const taken = new Set<PaperField>();
  const used = new Set<string>();
  for (const column of [...columns].sort((a, b) => rank(a) - rank(b))) {
    if (options.modelColumns.has(column.name)) continue;
    const field = fieldFor(column, taken);
    if (!field) continue;
    mapping.fields[field] = column.name;
    taken.add(field);
    used.add(column.name);
  }
  for (const column of columns) {
    if (used.has(column.name)) continue;
    const model =
      options.modelColumns.get(column.name) ?? (options.models.has(column.name) ? column.name : undefined);
    if (column.kind === 'float-list' && model !== undefined) {
      mapping.vectors.push({ column: column.name, model });
    } else if (column.kind === 'float-list') {
      mapping.unmappedVectors.push(column.name);
      mapping.ignored.push({ ...column, why: 'a vector column no model takes (use --model-column)' });
    } else if (model !== undefined) {
      mapping.ignored.push({ ...column, why: `not a list of floats, so not vectors of ${model}` });
    } else {
      mapping.ignored.push({ ...column, why: 'no field of ours' });
    }
  }
  return mapping;
}

/** The columns a mapping reads. */
export function columnsToRead(mapping: ColumnMapping): string[] {
  return [...Object.values(mapping.fields), ...mapping.vectors.map((v) => v.column)];
}
