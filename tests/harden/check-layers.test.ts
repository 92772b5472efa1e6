/** The layer rule: folders are pure unless named I/O folders or exceptions, checked through import chains. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const SCRIPT = join(import.meta.dirname, '..', '..', 'scripts', 'check-layers.mjs');

function tree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const check = (root: string) => spawnSync(process.execPath, [SCRIPT, root], { encoding: 'utf8' });

describe('scripts/check-layers.mjs', () => {
  it('finds I/O reached through a chain of imports from a new, unlisted pure folder', () => {
    const root = tree({
      'src/newfeature/score.ts': "import { load } from './helper.ts';\nexport const score = load;\n",
      'src/newfeature/helper.ts':
        "import { readFileSync } from 'node:fs';\nexport const load = () => readFileSync('x');\n",
    });
    const result = check(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'src/newfeature/score.ts is pure but reaches I/O: src/newfeature/score.ts → src/newfeature/helper.ts → node:fs',
    );
  });

  it('finds SDK packages and ambient globals, and allows type-only imports and I/O-free store modules', () => {
    const root = tree({
      'src/a/sdk.ts': "import OpenAI from 'openai';\nexport const c = OpenAI;\n",
      'src/a/clock.ts': 'export const now = () => Date.now();\n',
      'src/a/env.ts': 'export const key = process.env.KEY;\n',
      'src/b/ok.ts':
        "import type { Handle } from '../store/files.ts';\nimport { Row } from '../store/schemas.ts';\nexport const x: Handle | typeof Row = Row;\n",
      'src/store/files.ts':
        "import { readFile } from 'node:fs/promises';\nexport type Handle = string;\nexport const r = readFile;\n",
      'src/store/schemas.ts': 'export const Row = 1;\n',
    });
    const result = check(root);
    expect(result.stderr).toContain('src/a/sdk.ts is pure but reaches I/O: src/a/sdk.ts → openai');
    expect(result.stderr).toContain('src/a/clock.ts is pure but reaches I/O: src/a/clock.ts → Date.now()');
    expect(result.stderr).toContain('src/a/env.ts is pure but reaches I/O: src/a/env.ts → process.env');
    expect(result.stderr).not.toContain('src/b/ok.ts');
  });

  it('lets only src/store/ call a store factory, and only the composition roots build the file stores', () => {
    const root = tree({
      'src/store/papers-store.ts':
        'export function createPapersStore(dir: string) { return { dir }; }\nexport const again = () => createPapersStore("x");\n',
      'src/store/stores.ts':
        "import { createPapersStore } from './papers-store.ts';\nexport function createFileStores(dir: string) { return { papers: createPapersStore(dir) }; }\nexport function createMemoryStores() { return { papers: createPapersStore('') }; }\n",
      'src/cli/context.ts':
        "import { createFileStores } from '../store/stores.ts';\nexport const stores = createFileStores('state');\n",
      'src/pipeline/build-pipeline.ts':
        "import { createFileStores } from '../store/stores.ts';\nexport const stores = createFileStores('state');\n",
      'src/job/rank.ts':
        "import { createPapersStore } from '../store/papers-store.ts';\nexport const papers = createPapersStore('state');\n",
      'src/job/wire.ts':
        "import { createFileStores } from '../store/stores.ts';\nexport const stores = createFileStores('state');\n",
      'src/job/uses-memory.ts':
        "import { createMemoryStores } from '../store/stores.ts';\n// not createPapersStore('state') any more\nexport const stores = createMemoryStores();\n",
      'src/job/rank.test.ts':
        "import { createPapersStore } from '../store/papers-store.ts';\nexport const papers = createPapersStore('tmp');\n",
    });
    const result = check(root);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'src/job/rank.ts builds its own stores (createPapersStore): take them from the Stores bundle',
    );
    expect(result.stderr).toContain('src/job/wire.ts builds its own stores (createFileStores)');
    for (const allowed of ['src/store/', 'src/cli/', 'src/pipeline/', 'uses-memory', 'rank.test'])
      expect(result.stderr).not.toContain(allowed);
  });
});
