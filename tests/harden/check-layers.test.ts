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
});
