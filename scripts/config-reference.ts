/** Prints the configuration reference, or with --write puts it into the README between its markers. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configReference } from '../src/config/reference.ts';

const START = '<!-- config-reference:start -->';
const END = '<!-- config-reference:end -->';

export function withReference(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n${configReference()}\n${readme.slice(end)}`;
}

if (process.argv[1]?.endsWith('config-reference.ts')) {
  const file = join(import.meta.dirname, '..', 'README.md');
  if (process.argv.includes('--write')) writeFileSync(file, withReference(readFileSync(file, 'utf8')));
  else process.stdout.write(`${configReference()}\n`);
}
