/**
 * The columns of a file being imported, as the import sees them: a name and what kind of value
 * each row holds. The store's readers describe a file in these terms, so the mapping to our
 * fields stays independent of the file format.
 */
export type ColumnKind =
  | 'string'
  | 'integer'
  | 'float'
  | 'boolean'
  | 'timestamp'
  | 'date'
  | 'string-list'
  | 'float-list'
  | 'other';

export interface SourceColumn {
  name: string;
  kind: ColumnKind;
  /** The type as the file declares it, for the summary (`LIST<FLOAT>`, `BYTE_ARRAY UTF8`…). */
  type: string;
}

/** A vector column with the number of values its first non-empty row holds (undefined: every sampled row was null). */
export interface VectorColumn {
  name: string;
  dims: number | undefined;
}

/** Rows `start` (inclusive) to `end` (exclusive) of a file: one row group. */
export interface RowGroupSpan {
  index: number;
  start: number;
  end: number;
}
