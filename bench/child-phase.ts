/**
 * Runs one phase of a benchmark in a fresh child process (`<script> --child …args`, the same tsx
 * loader as this process), so the peak RSS it reports belongs to that phase alone. The child
 * prints its figures as the last line of stdout, as JSON; stderr passes through.
 */
import { spawn } from 'node:child_process';
import type { z } from 'zod';

export function runChildPhase<T>(
  script: string,
  args: readonly string[],
  schema: z.ZodType<T>,
  label: string,
): Promise<T> {
  const argv = [...process.execArgv, script, '--child', ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${label} exited with ${code}`));
      const parsed = schema.safeParse(JSON.parse(out.trim().split('\n').at(-1) ?? '{}'));
      if (parsed.success) resolve(parsed.data);
      else reject(new Error(`${label} printed no result: ${out}`));
    });
  });
}
