import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../../tests/helpers/temp-dir.ts';
import { silentLogger } from '../../log/logger.ts';
import { type LatexConverter, selectLatexConverter, unifiedLatexConverter } from './latex-converter.ts';
import { createPandocConverter, findOnPath } from './pandoc.ts';

const tempDir = useTempDirs();
const TEX = '\\documentclass{article}\\begin{document}\\section{Intro}Hello $x$.\\end{document}';

/** An executable named `pandoc` that runs `script` (a stand-in: CI has no pandoc). */
function fakePandoc(script: string): string {
  const dir = tempDir();
  const path = join(dir, 'pandoc');
  writeFileSync(path, `#!/bin/sh\n${script}\n`);
  chmodSync(path, 0o755);
  return dir;
}

describe('selectLatexConverter', () => {
  it('uses the built-in unified-latex converter when pandoc is not on the PATH', async () => {
    const converter = selectLatexConverter({
      pandocPath: undefined,
      createPandoc: () => {
        throw new Error('must not be created');
      },
      logger: silentLogger(),
    });
    expect(converter.name).toBe('unified-latex');
    expect(await converter.convert(TEX)).toBe('## Intro\n\nHello $x$.\n');
  });

  it('uses pandoc when found, and falls back to unified-latex when pandoc fails', async () => {
    let fail = false;
    const pandoc: LatexConverter = {
      name: 'pandoc',
      convert: async (tex) => {
        if (fail) throw new Error('pandoc: parse error');
        return `from pandoc: ${tex.length}`;
      },
    };
    const converter = selectLatexConverter({
      pandocPath: '/usr/bin/pandoc',
      createPandoc: (path) => (path === '/usr/bin/pandoc' ? pandoc : unifiedLatexConverter),
      logger: silentLogger(),
    });
    expect(converter.name).toBe('pandoc');
    expect(await converter.convert(TEX)).toBe(`from pandoc: ${TEX.length}`);
    fail = true;
    expect(await converter.convert(TEX)).toBe('## Intro\n\nHello $x$.\n');
  });
});

describe('pandoc process', () => {
  it('finds an executable pandoc on the PATH and pipes the LaTeX through it', async () => {
    const dir = fakePandoc('echo "args: $*"; wc -c | tr -d " "');
    const path = findOnPath('pandoc', `/nonexistent:${dir}`);
    expect(path).toBe(join(dir, 'pandoc'));
    const out = await createPandocConverter(path ?? '').convert(TEX);
    expect(out).toContain('--from=latex');
    expect(out).toContain('--wrap=none');
    expect(out.trim().endsWith(String(Buffer.byteLength(TEX)))).toBe(true);
  });

  it('rejects with pandoc’s stderr when it exits non-zero', async () => {
    const dir = fakePandoc('cat >/dev/null; echo "Error at line 3" >&2; exit 64');
    await expect(createPandocConverter(join(dir, 'pandoc')).convert(TEX)).rejects.toThrow(
      /exited with 64: Error at line 3/,
    );
  });

  it('finds nothing when no directory of the PATH holds pandoc', () => {
    expect(findOnPath('pandoc', tempDir())).toBeUndefined();
    expect(findOnPath('pandoc', undefined)).toBeUndefined();
  });
});
