/**
 * `--model-column NAME=MODEL` and the checks made before an import writes anything: the model is
 * configured, the column exists and holds float lists, and its vectors have the model's dims.
 */
import { UsageError } from '../core/errors.ts';
import type { ColumnMapping } from './column-mapping.ts';
import type { SourceColumn, VectorColumn } from './source-columns.ts';

export function parseModelColumns(
  specs: readonly string[],
  models: ReadonlySet<string>,
): Map<string, string> {
  const mapping = new Map<string, string>();
  for (const spec of specs) {
    const at = spec.lastIndexOf('=');
    const column = spec.slice(0, at).trim();
    const model = spec.slice(at + 1).trim();
    if (at <= 0 || column === '' || model === '')
      throw new UsageError(`--model-column "${spec}": expected NAME=MODEL (a column and an embedding model)`);
    if (!models.has(model)) {
      const known = [...models].join(', ') || 'none';
      throw new UsageError(
        `--model-column ${spec}: "${model}" is not a configured embedding model (embedding.models: ${known})`,
      );
    }
    if (mapping.has(column)) throw new UsageError(`--model-column names column "${column}" twice`);
    mapping.set(column, model);
  }
  return mapping;
}

export interface FileColumns {
  path: string;
  columns: readonly SourceColumn[];
  mapping: ColumnMapping;
}

/** Every named column must be a vector column of at least one file. */
export function checkNamedColumns(files: readonly FileColumns[], named: ReadonlyMap<string, string>): void {
  for (const [column, model] of named) {
    const found = files.flatMap((f) => f.columns.filter((c) => c.name === column));
    if (found.length === 0)
      throw new UsageError(`--model-column ${column}=${model}: no file has a column "${column}"`);
    const wrong = found.find((c) => c.kind !== 'float-list');
    if (wrong)
      throw new UsageError(
        `--model-column ${column}=${model}: column "${column}" is ${wrong.type}, not a list of floats`,
      );
  }
}

/** Files that cannot give papers: no id or no title column. */
export function checkPaperColumns(files: readonly FileColumns[]): void {
  const problems = files.flatMap((file) => {
    const missing = (['id', 'title'] as const).filter((field) => file.mapping.fields[field] === undefined);
    if (missing.length === 0) return [];
    const names = file.columns.map((c) => `${c.name} (${c.type})`).join(', ');
    return [`${file.path}: no ${missing.join(' or ')} column (columns: ${names})`];
  });
  if (problems.length > 0) throw new UsageError(`nothing imported: ${problems.join('; ')}`);
}

export interface ModelDims {
  model: string;
  /** From the config. */
  dims: number;
  /** From `embeddings/<model>/model.json`, when vectors are stored already. */
  storedDims: number | undefined;
}

/** Sampled vector lengths against each model's dims; throws naming every mismatch. */
export function checkVectorDims(
  sampled: ReadonlyArray<{ path: string; column: VectorColumn; model: string }>,
  models: ReadonlyMap<string, ModelDims>,
): void {
  const problems: string[] = [];
  for (const { model, dims, storedDims } of models.values()) {
    if (storedDims !== undefined && storedDims !== dims)
      problems.push(`model "${model}" has dims ${dims} in the config but ${storedDims} in its model.json`);
  }
  for (const { path, column, model } of sampled) {
    const expected = models.get(model)?.dims;
    if (column.dims !== undefined && expected !== undefined && column.dims !== expected)
      problems.push(
        `${path}: column "${column.name}" holds ${column.dims}-dim vectors, but model "${model}" has dims ${expected}`,
      );
  }
  if (problems.length > 0) throw new UsageError(`nothing imported: ${problems.join('; ')}`);
}
