import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const RADAR_BIN = join(import.meta.dirname, '..', '..', 'bin', 'radar.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `radar` command in a child process with a clean environment. */
export function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): CliResult {
  const child = spawnSync(process.execPath, [RADAR_BIN, ...args], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: options.cwd, RADAR_LOG_LEVEL: 'warn', ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: child.status, stdout: child.stdout, stderr: child.stderr };
}

/**
 * Like runCli, without blocking the event loop: needed when the command talks to a fake server
 * that runs in the test's own process.
 */
export function runCliAsync(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string> },
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RADAR_BIN, ...args], {
      cwd: options.cwd,
      env: { PATH: process.env.PATH ?? '', HOME: options.cwd, RADAR_LOG_LEVEL: 'warn', ...options.env },
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
