/** Impossible cron rules and calendar dates are refused where they enter: the config and the flags. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEnv } from '../../src/config/env.ts';
import { loadConfig } from '../../src/config/load.ts';
import { isIsoDay } from '../../src/core/iso-day.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('cron rules in the config', () => {
  it.each(['0 25 * * *', '61 * * * *', '0 8 32 * *', '0 8 * 13 *'])(
    'refuses "%s", naming the key',
    (rule) => {
      const cwd = tempDir();
      writeFileSync(join(cwd, 'radar.config.json'), JSON.stringify({ schedule: { dailyPipeline: rule } }));
      expect(() => loadConfig({ env: readEnv({}), cwd })).toThrow(
        /schedule\.dailyPipeline: .*(hour|minute|day|month)/i,
      );
    },
  );

  it('accepts valid rules', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'radar.config.json'),
      JSON.stringify({ schedule: { dailyPipeline: '15 7 * * 1-5' } }),
    );
    expect(loadConfig({ env: readEnv({}), cwd }).config.schedule.dailyPipeline).toBe('15 7 * * 1-5');
  });
});

describe('calendar days', () => {
  it('tells real days from impossible ones', () => {
    expect(isIsoDay('2026-02-28')).toBe(true);
    expect(isIsoDay('2028-02-29')).toBe(true);
    expect(isIsoDay('2026-02-29')).toBe(false);
    expect(isIsoDay('2026-02-30')).toBe(false);
    expect(isIsoDay('2026-13-01')).toBe(false);
    expect(isIsoDay('2026-1-01')).toBe(false);
  });

  it.each([
    ['rank', '--date'],
    ['summarize', '--date'],
    ['trends', '--end'],
  ])('radar %s %s 2026-02-30 is a usage error', (command, flag) => {
    const cwd = tempDir();
    const result = runCli(['--state', join(cwd, 'state'), command, flag, '2026-02-30'], { cwd });
    expect(result.stderr).toContain(`${flag} must be a day as YYYY-MM-DD, got "2026-02-30"`);
    expect(result.status).toBe(2);
  });
});
