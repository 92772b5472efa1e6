/**
 * The image's start on the host: a directory laid out as the Dockerfile's COPY lines lay out
 * /app, the image's environment with the state volume on a temp directory, then exactly the CMD
 * and the HEALTHCHECK command: unhealthy before the daemon runs, healthy while it holds the
 * state, the daemon stops cleanly on SIGTERM (docker stop), and unhealthy again after.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { copyParts, envOf, execForm, parseDockerfile } from './dockerfile.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const tempDir = useTempDirs();
const instructions = parseDockerfile(join(ROOT, 'Dockerfile'));
const finalStage = Math.max(...instructions.map((i) => i.stage));
const final = instructions.filter((i) => i.stage === finalStage);
const argsOf = (keyword: string): string => final.find((i) => i.keyword === keyword)?.args ?? '';

/** /app as the image has it: each COPY of the final stage, linked to the project's files. */
function layOutApp(): string {
  const app = tempDir();
  for (const ins of final.filter((i) => i.keyword === 'COPY')) {
    const { flags, sources, dest } = copyParts(ins.args);
    // The deps stage's only product is node_modules, installed from the same lockfile.
    const from = flags.from === undefined ? sources : ['node_modules'];
    for (const source of from) {
      const target = dest.endsWith('/')
        ? join(app, dest, source.split('/').at(-1) ?? source)
        : join(app, dest);
      mkdirSync(dirname(target), { recursive: true });
      symlinkSync(join(ROOT, source), target);
    }
  }
  return app;
}

function imageEnv(volume: string): Record<string, string> {
  const env = envOf(instructions, finalStage);
  const volumes = execForm(argsOf('VOLUME')) ?? [];
  for (const [key, value] of Object.entries(env)) if (volumes.includes(value)) env[key] = volume;
  return { PATH: process.env.PATH ?? '', HOME: volume, ...env };
}

/** `node …` in the image is this Node: the same major, and the binary the tests run on. */
function resolveNode(words: readonly string[]): string[] {
  return words.map((w, i) => (i === 0 && w === 'node' ? process.execPath : w));
}

let daemon: ChildProcess | undefined;
afterEach(() => {
  if (daemon && daemon.exitCode === null) daemon.kill('SIGKILL');
  daemon = undefined;
});

describe('the image start command on the host', () => {
  it('the daemon starts, the healthcheck passes while it runs, and it stops on SIGTERM', async () => {
    const app = layOutApp();
    const volume = tempDir();
    const env = imageEnv(volume);
    expect(env.RADAR_STATE_DIR).toBe(volume);
    const health = argsOf('HEALTHCHECK');
    const [shell, flag, script] = execForm(health.slice(health.indexOf('CMD ') + 4)) ?? [];
    const healthcheck = (): number | null =>
      spawnSync(
        shell ?? '/bin/sh',
        [flag ?? '-c', (script ?? '').replace(/^node /, `"${process.execPath}" `)],
        {
          cwd: app,
          env,
          timeout: 60_000,
        },
      ).status;

    expect(healthcheck()).toBe(1);

    const [command, ...args] = resolveNode(execForm(argsOf('CMD')) ?? []);
    const child = spawn(command ?? 'node', args, { cwd: app, env });
    daemon = child;
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8').on('data', (c: string) => {
      stdout += c;
    });
    child.stderr?.setEncoding('utf8').on('data', (c: string) => {
      stderr += c;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));

    await vi.waitFor(() => expect(stdout).toContain('radar daemon: running'), {
      timeout: 60_000,
      interval: 200,
    });
    await vi.waitFor(() => expect(healthcheck()).toBe(0), { timeout: 60_000, interval: 500 });

    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('radar daemon: stopped');
    expect(stderr).not.toContain('unexpected error');
    expect(healthcheck()).toBe(1);
    // The state went to the volume: the daemon's job records are there.
    expect(existsSync(join(volume, 'cursors.json'))).toBe(true);
  }, 180_000);
});
