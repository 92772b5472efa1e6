#!/usr/bin/env node
// `npm run bench [name] [args…]`: runs bench/<name>.ts through tsx; with no name, lists the benchmarks.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench');
const files = readdirSync(benchDir).filter((file) => file.endsWith('.ts'));
// A file another benchmark imports is a helper (the corpus, a baseline model), not a benchmark.
const imported = new Set(
  files.flatMap((file) =>
    [...readFileSync(join(benchDir, file), 'utf8').matchAll(/from '\.\/([\w.-]+)\.ts'/g)].map((m) => m[1]),
  ),
);
const names = files
  .map((file) => file.slice(0, -3))
  .filter((name) => !imported.has(name))
  .sort();

/** The first sentence of a benchmark's header comment, for the listing. */
function summary(name) {
  const text = readFileSync(join(benchDir, `${name}.ts`), 'utf8');
  const comment = /^\s*\/\*\*([\s\S]*?)\*\//.exec(text)?.[1] ?? '';
  const flat = comment
    .replace(/^\s*\* ?/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.split(/(?<=\.)\s/)[0] ?? '';
}

const [name, ...args] = process.argv.slice(2);
if (name === undefined || name === '--help' || name === '-h') {
  console.log('usage: npm run bench -- <name> [args…]   (runs bench/<name>.ts)\n\nbenchmarks:');
  for (const n of names) console.log(`  ${n.padEnd(26)} ${summary(n).slice(0, 110)}`);
  process.exit(0);
}
if (!names.includes(name)) {
  console.error(`no benchmark "${name}"; one of: ${names.join(', ')}`);
  process.exit(2);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', join(benchDir, `${name}.ts`), ...args], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
