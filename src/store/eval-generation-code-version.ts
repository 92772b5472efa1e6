/**
 * The code version of the generation benchmark (part of its benchmark key): the package
 * version plus a hash of the evaluator's sources, so a change to how cases are judged or
 * aggregated makes a new key, while unrelated commits do not invalidate every cached run.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const PackageVersion = z.object({ version: z.string() });

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCES = [join('src', 'evals', 'generation'), join('src', 'evals', 'run-layout')];

export async function generationCodeVersion(root: string = ROOT): Promise<string> {
  const hash = createHash('sha256');
  const pkg = PackageVersion.safeParse(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')));
  const version = pkg.success ? pkg.data.version : '0';
  for (const dir of SOURCES) {
    const names = (await readdir(join(root, dir)).catch(() => []))
      .filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))
      .sort();
    for (const name of names) hash.update(`${dir}/${name}\n`).update(await readFile(join(root, dir, name)));
  }
  return `${version}+${hash.digest('hex').slice(0, 12)}`;
}
