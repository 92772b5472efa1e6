/** Runs pandoc (when installed) as a LaTeX → markdown converter, and finds it on the PATH. */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { LatexConverter } from './latex-converter.ts';

const PANDOC_ARGS = [
  '--from=latex',
  '--to=markdown-raw_html-native_divs-native_spans-fenced_divs-bracketed_spans-header_attributes-link_attributes',
  '--wrap=none',
];

/** The first executable `name` in the directories of `pathEnv`. */
export function findOnPath(name: string, pathEnv: string | undefined): string | undefined {
  for (const dir of (pathEnv ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

export function createPandocConverter(path: string, timeoutMs = 60_000): LatexConverter {
  return {
    name: 'pandoc',
    convert: (tex) =>
      new Promise((resolve, reject) => {
        const child = spawn(path, PANDOC_ARGS, { stdio: ['pipe', 'pipe', 'pipe'], timeout: timeoutMs });
        const out: Buffer[] = [];
        const err: Buffer[] = [];
        child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
        child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
        child.on('error', reject);
        child.on('close', (code, signal) => {
          if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
          else {
            const why = Buffer.concat(err).toString('utf8').trim().slice(0, 300);
            reject(new Error(`pandoc exited with ${code ?? signal}${why ? `: ${why}` : ''}`));
          }
        });
        child.stdin.on('error', () => undefined);
        child.stdin.end(tex);
      }),
  };
}
