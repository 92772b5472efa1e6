/**
 * `radar import hf-parquet <dir|file…> [--model-column NAME=MODEL]`: papers and vectors from the
 * parquet files of the previous layout. Every file is opened and checked (columns, models, dims)
 * before anything is written; then each streams row group by row group into the stores.
 */
import { basename, resolve } from 'node:path';
import type { RadarConfig } from '../../config/schema.ts';
import { type ColumnMapping, mapColumns } from '../../import/column-mapping.ts';
import { importParquetFile } from '../../import/import-parquet.ts';
import { emptyReport, formatImportReport } from '../../import/import-report.ts';
import {
  checkNamedColumns,
  checkPaperColumns,
  checkVectorDims,
  type FileColumns,
  type ModelDims,
  parseModelColumns,
} from '../../import/model-columns.ts';
import type { VectorColumn } from '../../import/source-columns.ts';
import type { EmbeddingsStore } from '../../store/embeddings-store.ts';
import {
  findParquetFiles,
  type ImportParquetFile,
  openImportParquet,
} from '../../store/import-parquet-reader.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { createProgress } from '../progress.ts';

export interface ImportHfParquetFlags {
  modelColumn?: string[];
}

interface OpenedFile extends FileColumns {
  file: ImportParquetFile;
  mapping: ColumnMapping;
}

async function openAll(paths: readonly string[], named: ReadonlyMap<string, string>, config: RadarConfig) {
  const models = new Set(Object.keys(config.embedding.models));
  const opened: OpenedFile[] = [];
  try {
    for (const path of paths) {
      const file = await openImportParquet(path);
      opened.push({
        path,
        file,
        columns: file.columns,
        mapping: mapColumns(file.columns, { modelColumns: named, models }),
      });
    }
  } catch (error) {
    await Promise.all(opened.map((o) => o.file.close()));
    throw error;
  }
  return opened;
}

async function modelDims(
  config: RadarConfig,
  stores: ReadonlyMap<string, EmbeddingsStore>,
): Promise<Map<string, ModelDims>> {
  const dims = new Map<string, ModelDims>();
  for (const [model, store] of stores) {
    const configured = config.embedding.models[model];
    if (!configured) continue;
    const meta = await store.readMeta();
    dims.set(model, { model, dims: configured.dims, storedDims: meta?.dims });
  }
  return dims;
}

async function sampleDims(opened: readonly OpenedFile[]) {
  const sampled: Array<{ path: string; column: VectorColumn; model: string }> = [];
  for (const { path, file, mapping } of opened) {
    const columns = await file.sampleVectorDims(mapping.vectors.map((v) => v.column));
    for (const [i, column] of columns.entries())
      sampled.push({ path, column, model: mapping.vectors[i]?.model ?? '' });
  }
  return sampled;
}

/** Writes model.json for a model that has none yet, as `radar embed` would. */
async function ensureMeta(store: EmbeddingsStore, config: RadarConfig, now: Date): Promise<void> {
  if (await store.readMeta()) return;
  const model = config.embedding.models[store.model];
  if (!model) return;
  await store.writeMeta({
    model: store.model,
    backend: model.backend,
    dims: model.dims,
    normalize: true,
    createdAt: now.toISOString(),
    extra: { importedFrom: 'parquet' },
  });
}

export async function runImportHfParquet(
  ctx: CommandContext,
  inputs: readonly string[],
  flags: ImportHfParquetFlags,
  out: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const { config } = ctx.loaded;
  const named = parseModelColumns(flags.modelColumn ?? [], new Set(Object.keys(config.embedding.models)));
  const paths = await findParquetFiles(inputs.map((input) => resolve(ctx.cwd, input)));
  const opened = await openAll(paths, named, config);
  try {
    checkNamedColumns(opened, named);
    checkPaperColumns(opened);
    const models = [...new Set(opened.flatMap((o) => o.mapping.vectors.map((v) => v.model)))].sort();
    const stores = new Map(models.map((m) => [m, ctx.stores.vectors(m)]));
    return await withStateLock(ctx, 'import', async () => {
      const dims = await modelDims(config, stores);
      checkVectorDims(await sampleDims(opened), dims);
      for (const store of stores.values()) await ensureMeta(store, config, now());
      const { papers } = ctx.stores;
      const sinks = {
        upsertPapers: (rows: Parameters<typeof papers.upsert>[0]) => papers.upsert(rows),
        upsertVectors: (model: string, rows: ReadonlyArray<{ id: string; vector: Float32Array }>) =>
          stores.get(model)?.upsert(rows) ?? Promise.resolve(),
      };
      const report = emptyReport(models);
      const progress = await createProgress(ctx.logger, 'rows');
      try {
        for (const { file, mapping } of opened) {
          await importParquetFile(
            file,
            sinks,
            {
              mapping,
              dims: new Map([...dims].map(([m, d]) => [m, d.dims])),
              siteUrl: config.arxiv.siteUrl,
              onProgress: (p) => progress.update(basename(p.file), p.done, p.total),
            },
            report,
          );
        }
      } finally {
        progress.stop();
      }
      for (const line of formatImportReport(report)) out(line);
      return 0;
    });
  } finally {
    await Promise.all(opened.map((o) => o.file.close()));
  }
}
