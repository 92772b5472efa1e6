/**
 * The import of parquet files of the previous layout (metadata columns and one vector column per
 * model): row group by row group (a big group in windows of rows), each row mapped to a paper and its vectors, stored shard by shard
 * through the papers and embeddings stores as soon as the file has moved past a shard. Storing is an upsert that skips unchanged shards, so a
 * second import of the same files writes nothing.
 */
import type { UpsertCounts } from '../store/papers-store.ts';
import type { Paper } from '../store/schemas.ts';
import type { ColumnMapping } from './column-mapping.ts';
import { columnsToRead } from './column-mapping.ts';
import { countIgnored, countSkip, emptyVectorCounts, type ImportReport } from './import-report.ts';
import { paperFromRow } from './paper-row.ts';
import { createPendingShards, type PendingShards } from './pending-shards.ts';
import type { RowGroupSpan } from './source-columns.ts';
import { readVector } from './vector-value.ts';

/** One file to import, as the store's reader opens it. */
export interface ImportSource {
  readonly path: string;
  readonly rows: number;
  readonly rowGroups: readonly RowGroupSpan[];
  /** A group's rows holding only `columns`, in batches in row order (the whole group, or windows of it). */
  readRows(group: RowGroupSpan, columns: readonly string[]): AsyncIterable<Record<string, unknown>[]>;
}

export interface ImportSinks {
  upsertPapers(papers: readonly Paper[]): Promise<UpsertCounts>;
  upsertVectors(model: string, rows: ReadonlyArray<{ id: string; vector: Float32Array }>): Promise<void>;
}

export interface ImportProgress {
  file: string;
  done: number;
  total: number;
}

export interface ImportFileOptions {
  mapping: ColumnMapping;
  /** Dims of each mapped model (from the config). */
  dims: ReadonlyMap<string, number>;
  siteUrl: string;
  /** Rows held at most before shards are stored, whatever the order of the file. */
  maxPendingRows?: number;
  /** Rows read past a shard's last row before it is stored (see pending-shards.ts). */
  settleRows?: number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
}

const DEFAULT_MAX_PENDING_ROWS = 8192;
const DEFAULT_SETTLE_ROWS = 512;

async function store(
  sinks: ImportSinks,
  pending: PendingShards,
  report: ImportReport,
  all: boolean,
): Promise<void> {
  const taken = pending.take({ all });
  // Shifted off one by one, so a shard's rows can be collected as soon as it is written.
  for (let shard = taken.shift(); shard; shard = taken.shift()) {
    const counts = await sinks.upsertPapers(shard.papers);
    report.papers.added += counts.added;
    report.papers.updated += counts.updated;
    report.papers.unchanged += counts.unchanged;
    shard.papers = [];
    for (const [model, vectors] of shard.vectors) {
      const rows = [...vectors].map(([id, vector]) => ({ id, vector }));
      shard.vectors.delete(model);
      vectors.clear();
      await sinks.upsertVectors(model, rows);
    }
  }
}

function rowVectors(
  row: Record<string, unknown>,
  options: ImportFileOptions,
  report: ImportReport,
): Map<string, Float32Array> {
  const vectors = new Map<string, Float32Array>();
  for (const { column, model } of options.mapping.vectors) {
    const counts = report.vectors.get(model) ?? emptyVectorCounts();
    report.vectors.set(model, counts);
    const value = readVector(row[column], options.dims.get(model) ?? 0);
    if (value.kind === 'vector') {
      vectors.set(model, value.vector);
      counts.stored += 1;
    } else if (value.kind === 'missing') {
      counts.missing[value.why] += 1;
    } else {
      counts.invalid.set(value.why, (counts.invalid.get(value.why) ?? 0) + 1);
    }
  }
  return vectors;
}

/** Imports one file into the sinks, adding to `report`. */
export async function importParquetFile(
  source: ImportSource,
  sinks: ImportSinks,
  options: ImportFileOptions,
  report: ImportReport,
): Promise<void> {
  const { mapping } = options;
  const columns = columnsToRead(mapping);
  const pending = createPendingShards({
    maxRows: options.maxPendingRows ?? DEFAULT_MAX_PENDING_ROWS,
    settleRows: options.settleRows ?? DEFAULT_SETTLE_ROWS,
  });
  report.files += 1;
  countIgnored(report, mapping.ignored);
  options.onProgress?.({ file: source.path, done: 0, total: source.rows });
  for (const group of source.rowGroups) {
    options.signal?.throwIfAborted();
    let at = group.start;
    for await (const batch of source.readRows(group, columns)) {
      const rows: Array<Record<string, unknown> | undefined> = batch;
      for (let offset = 0; offset < rows.length; offset += 1) {
        const row = rows[offset] ?? {};
        // Dropped once read, so the decoded pages behind a batch's first rows can go while a shard is written.
        rows[offset] = undefined;
        report.rows += 1;
        const result = paperFromRow(row, { fields: mapping.fields, siteUrl: options.siteUrl });
        if (!result.ok) {
          const where = `${source.path} row ${at + offset + 1}`;
          countSkip(
            report,
            result.reason,
            result.value === undefined ? where : `${where}, "${result.value}"`,
          );
          continue;
        }
        pending.add(result.paper, rowVectors(row, options, report));
        if (pending.due) await store(sinks, pending, report, false);
      }
      at += rows.length;
      options.onProgress?.({ file: source.path, done: at, total: source.rows });
    }
  }
  await store(sinks, pending, report, true);
}
