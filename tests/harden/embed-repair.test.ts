/** A corrupt parquet shard: the error names the file and offers `radar embed --repair`, which fixes it. */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('a corrupt embeddings shard', () => {
  it('is named with the repair hint, and embed --repair drops it and embeds its papers again', async () => {
    const cwd = tempDir();
    const state = join(cwd, 'state');
    expect(runCli(['--state', state, 'run', '--once', '--offline'], { cwd }).status).toBe(0);
    const model = readdirSync(join(state, 'embeddings'))[0] ?? '';
    const shard = readdirSync(join(state, 'embeddings', model)).find((f) => f.endsWith('.parquet')) ?? '';
    const file = join(state, 'embeddings', model, shard);
    writeFileSync(file, 'PAR1 torn');

    for (const args of [['embed'], ['embed', '--refit']]) {
      const failed = runCli(['--state', state, ...args], { cwd });
      expect(failed.status).toBe(1);
      expect(failed.stderr).toContain(file);
      expect(failed.stderr).toContain('radar embed --repair');
    }

    const repaired = runCli(['--state', state, 'embed', '--repair'], { cwd });
    expect(repaired.stderr).toBe('');
    expect(repaired.status).toBe(0);
    expect(repaired.stdout).toContain(`dropped ${file}`);
    const papers = await createPapersStore(state).readAll();
    const vectors = await createEmbeddingsStore(state, model).load();
    expect(new Set(vectors.ids)).toEqual(new Set(papers.map((p) => p.id)));
    expect(runCli(['--state', state, 'state', 'check'], { cwd }).status).toBe(0);
  }, 90_000);
});
