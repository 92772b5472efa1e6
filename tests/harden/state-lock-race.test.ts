/**
 * Many processes contend for the state lock at once (the first lock left by a dead process):
 * the lock is exclusive — never two holders at a time — and someone does get it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const CONTENDER = join(import.meta.dirname, '..', 'helpers', 'lock-contender.ts');
const CONTENDERS = 8;
const ATTEMPTS = 40;

function contender(stateDir: string, markers: string): Promise<{ acquired: number; overlaps: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '--import',
      'tsx',
      CONTENDER,
      stateDir,
      String(ATTEMPTS),
      markers,
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`contender exited ${code}: ${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

describe('state lock under a race', () => {
  it('has at most one holder at any time across many contending processes', async () => {
    const stateDir = tempDir();
    const markers = join(stateDir, 'markers');
    mkdirSync(markers);
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    writeFileSync(
      join(stateDir, '.lock'),
      JSON.stringify({
        pid: Number(dead.stdout.toString()),
        hostname: hostname(),
        command: 'run',
        startedAt: new Date().toISOString(),
      }),
    );
    const results = await Promise.all(Array.from({ length: CONTENDERS }, () => contender(stateDir, markers)));
    const acquired = results.reduce((sum, r) => sum + r.acquired, 0);
    const overlaps = results.reduce((sum, r) => sum + r.overlaps, 0);
    process.stdout.write(
      `state lock stress: ${CONTENDERS} processes × ${ATTEMPTS} attempts, ${acquired} acquisitions, ${overlaps} overlaps\n`,
    );
    expect(acquired).toBeGreaterThan(0);
    expect({ acquired, overlaps }).toEqual({ acquired, overlaps: 0 });
  }, 120_000);
});
