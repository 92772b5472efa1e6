/**
 * A board key read from a variable the config names (`apiKeyEnv`) is a secret like the built-in
 * ones: when the board refuses it and echoes it back, it reaches neither the output nor the state.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type LeaderboardFake, leaderboardUrls, startLeaderboardFake } from '../fakes/leaderboard-fake.ts';
import { runCliAsync } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

let fake: LeaderboardFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});
const tempDir = useTempDirs();

/** Not key-shaped on purpose: only the configured variable identifies it as a secret. */
const KEY = 'aa-custom-Zq83hVx01pLw';

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('a leaderboard key under a custom variable', () => {
  it('is redacted when the board echoes it in its refusal', async () => {
    fake = await startLeaderboardFake({ artificialAnalysisKey: 'the-right-key', echoRefusedKey: true });
    const cwd = tempDir();
    const stateDir = join(cwd, 'state');
    writeFileSync(
      join(cwd, 'radar.config.yaml'),
      'sources:\n  leaderboards:\n    artificialanalysis:\n      apiKeyEnv: MY_AA_KEY\n',
    );
    const env: Record<string, string> = {
      RADAR_STATE_DIR: stateDir,
      MY_AA_KEY: KEY,
      RADAR_LOG_LEVEL: 'debug',
    };
    for (const [board, url] of Object.entries(leaderboardUrls(fake.url)))
      env[`RADAR_LEADERBOARD_${board.toUpperCase()}_URL`] = url;

    const result = await runCliAsync(['leaderboards', 'collect'], { cwd, env });
    expect(fake.requests.some((r) => r.headers['x-api-key'] === KEY)).toBe(true);
    expect(result.stdout).toMatch(/Artificial Analysis/);
    expect(`${result.stdout}\n${result.stderr}`).not.toContain(KEY);
    for (const file of filesUnder(stateDir)) expect(readFileSync(file, 'utf8'), file).not.toContain(KEY);
  }, 60_000);
});
