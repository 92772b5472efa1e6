/** `npm run bench` runs a named benchmark and, with no name, lists them (helpers left out). */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const RUNNER = join(import.meta.dirname, '..', '..', 'bin', 'run-bench.js');

describe('the bench runner', () => {
  it('lists the benchmarks, without the helper modules they import', () => {
    const result = spawnSync(process.execPath, [RUNNER], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    const listed = result.stdout
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim().split(/\s+/)[0]);
    expect(listed).toContain('store');
    expect(listed).toContain('pipeline');
    expect(listed).not.toContain('corpus');
  });

  it('refuses an unknown name with the list, exit 2', () => {
    const result = spawnSync(process.execPath, [RUNNER, 'no-such-bench'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no benchmark "no-such-bench"; one of:');
  });
});
