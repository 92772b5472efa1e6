/** Every mistake an import can meet is a usage error naming it, before anything is written. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runImportHfParquet } from '../../src/cli/commands/import-hf-parquet.ts';
import { createContext } from '../../src/cli/context.ts';
import { UsageError } from '../../src/core/errors.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { type LegacyRow, realPapers, vectorOf, writeLegacyParquet } from './legacy-parquet.ts';
import { hashTree } from './state-hash.ts';

let cwd: string;
let stateDir: string;
let dataDir: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'radar-import-errors-'));
  stateDir = join(cwd, 'state');
  dataDir = join(cwd, 'data');
  await mkdir(dataDir, { recursive: true });
  await writeFile(
    join(cwd, 'radar.config.json'),
    JSON.stringify({
      embedding: {
        active: ['minilm'],
        models: { minilm: { backend: 'transformers', model: 'minilm', dims: 8 } },
      },
    }),
  );
  const rows: LegacyRow[] = realPapers()
    .slice(0, 6)
    .map((p, i) => ({
      id: p.id,
      title: p.title,
      abstract: p.abstract,
      authors: p.authors,
      categories: p.categories.join(' '),
      published: new Date(`${p.published}T00:00:00Z`),
      updated: null,
      license: '',
      vectors: { emb: vectorOf(i, 8), wide: vectorOf(i, 16) },
    }));
  writeLegacyParquet(join(dataDir, '2026.parquet'), rows, {
    vectorColumns: [{ name: 'emb' }, { name: 'wide' }],
  });
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function context() {
  const ctx = createContext({ config: join(cwd, 'radar.config.json') }, cwd);
  return { ...ctx, logger: ctx.logger.child({}, { level: 'silent' }) };
}

async function failure(paths: string[], modelColumn: string[]): Promise<UsageError> {
  const error = await runImportHfParquet(context(), paths, { modelColumn }, () => undefined).catch(
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  if (!(error instanceof UsageError)) throw new Error('no usage error');
  expect((await hashTree(stateDir)).size).toBe(0);
  return error;
}

describe('radar import hf-parquet refuses, writing nothing', () => {
  it('a model that is not configured', async () => {
    const error = await failure([dataDir], ['emb=bge']);
    expect(error.message).toBe(
      '--model-column emb=bge: "bge" is not a configured embedding model (embedding.models: minilm)',
    );
  });

  it('a column whose vectors do not have the model’s dims', async () => {
    const error = await failure([dataDir], ['wide=minilm']);
    expect(error.message).toMatch(
      /2026\.parquet: column "wide" holds 16-dim vectors, but model "minilm" has dims 8$/,
    );
  });

  it('a model whose stored vectors have other dims than the config', async () => {
    await createEmbeddingsStore(stateDir, 'minilm').writeMeta({
      model: 'minilm',
      backend: 'transformers',
      dims: 4,
      normalize: true,
      createdAt: '2026-01-01T00:00:00Z',
    });
    const before = await hashTree(stateDir);
    const error = await runImportHfParquet(
      context(),
      [dataDir],
      { modelColumn: ['emb=minilm'] },
      () => undefined,
    )
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect(String(error)).toMatch(/model "minilm" has dims 8 in the config but 4 in its model.json/);
    expect(await hashTree(stateDir)).toEqual(before);
  });

  it('a named column that no file has, or that holds no vectors', async () => {
    expect((await failure([dataDir], ['embedding=minilm'])).message).toBe(
      '--model-column embedding=minilm: no file has a column "embedding"',
    );
    expect((await failure([dataDir], ['title=minilm'])).message).toBe(
      '--model-column title=minilm: column "title" is BYTE_ARRAY STRING, not a list of floats',
    );
  });

  it('a malformed --model-column', async () => {
    expect((await failure([dataDir], ['emb'])).message).toMatch(/expected NAME=MODEL/);
    expect((await failure([dataDir], ['emb=minilm', 'emb=minilm'])).message).toMatch(
      /names column "emb" twice/,
    );
  });

  it('a file that is not parquet, a missing path, an empty directory', async () => {
    await writeFile(join(dataDir, '2025.parquet'), 'id,title\n2501.00001,x\n');
    expect((await failure([dataDir], [])).message).toMatch(/2025\.parquet: not a parquet file/);
    expect((await failure([join(cwd, 'nowhere')], [])).message).toMatch(/nowhere: cannot read/);
    await mkdir(join(cwd, 'empty'));
    expect((await failure([join(cwd, 'empty')], [])).message).toMatch(/empty: no \.parquet files/);
  });

  it('a file with no id or title column, listing the columns it has', async () => {
    const { parquetWriteBuffer } = await import('hyparquet-writer');
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'name', data: ['a'] },
        { name: 'n', data: [1] },
      ],
    });
    await writeFile(join(dataDir, 'other.parquet'), new Uint8Array(bytes));
    const error = await failure([join(dataDir, 'other.parquet')], []);
    expect(error.message).toMatch(
      /other\.parquet: no id or title column \(columns: name \(BYTE_ARRAY UTF8\), n \(INT32\)\)/,
    );
  });
});
