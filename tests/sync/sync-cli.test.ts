/**
 * `radar sync` as the user runs it (child processes, debug logs on): push, status, pull into a
 * fresh directory and `radar state check` on it; the token never appears in any output, log line
 * or state file, also when the Hub quotes it back in its errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type HubFake, startHubFake } from '../fakes/hf-hub-fake.ts';
import { type CliResult, runCliAsync } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { buildState, filesUnder, REPO, TOKEN } from './sync-setup.ts';

const tempDir = useTempDirs();
let fake: HubFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('radar sync (CLI)', () => {
  it('pushes, reports, restores a fresh directory that checks clean, and never shows the token', async () => {
    const hub = await startHubFake({ token: TOKEN, echoToken: true });
    fake = hub;
    hub.createRepo(REPO);
    const cwd = tempDir();
    writeFileSync(join(cwd, 'radar.config.json'), JSON.stringify({ sync: { repo: REPO } }));
    await buildState(join(cwd, 'state'));
    const runs: CliResult[] = [];
    const radar = async (args: string[], token = TOKEN): Promise<CliResult> => {
      const result = await runCliAsync(['--config', 'radar.config.json', ...args], {
        cwd,
        env: { HF_TOKEN: token, HF_ENDPOINT: hub.url, RADAR_LOG_LEVEL: 'debug' },
      });
      runs.push(result);
      return result;
    };

    const wrong = 'hf_anotherTokenTheHubRefuses0123456789';
    const refused = await radar(['sync', 'push', '--state', 'state'], wrong);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/refused the token \(401\): HF_TOKEN must be a token with write access/);
    expect(refused.stderr).not.toContain(wrong);

    hub.inject({
      fault: { kind: 'status', status: 500, body: { error: `backend failure for token ${TOKEN}` } },
      match: (r) => r.path.includes('/commit/'),
    });
    const failed = await radar(['sync', 'push', '--state', 'state']);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(/the Hub answered 500: backend failure for token \[redacted\]/);

    const pushed = await radar(['sync', 'push', '--state', 'state']);
    expect(pushed.stderr).not.toContain('unexpected error');
    expect(pushed.status).toBe(0);
    expect(pushed.stdout).toMatch(
      /pushed 6 file\(s\), [\d.]+ KB, to ada\/radar-state: commit [0-9a-f]{12} \(0 unchanged\)/,
    );

    const status = await radar(['sync', 'status', '--state', 'state']);
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('remote: unchanged since the last sync');
    expect(status.stdout).toContain('a push would upload nothing (6 files in step)');

    mkdirSync(join(cwd, 'restored'));
    const pulled = await radar(['sync', 'pull', '--state', 'restored']);
    expect(pulled.status).toBe(0);
    expect(pulled.stdout).toMatch(/pulled 6 file\(s\), [\d.]+ KB, from ada\/radar-state at [0-9a-f]{12}/);
    const check = await radar(['state', 'check', '--state', 'restored']);
    expect(check.stdout).toMatch(/7 files: 7 ok/);
    expect(check.status).toBe(0);

    const again = await radar(['sync', 'pull', '--state', 'restored']);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/already holds 6 state file\(s\).*--force/);

    for (const run of runs) {
      expect(run.stdout).not.toContain(TOKEN);
      expect(run.stderr).not.toContain(TOKEN);
    }
    for (const dir of ['state', 'restored'])
      for (const [path, content] of filesUnder(join(cwd, dir)))
        expect(content.includes(Buffer.from(TOKEN)), `${dir}/${path}`).toBe(false);
  }, 120_000);

  it('without sync.repo, says what to set (exit 2)', async () => {
    const cwd = tempDir();
    const result = await runCliAsync(['sync', 'status', '--state', 'state'], {
      cwd,
      env: { HF_TOKEN: TOKEN },
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(
      'radar: sync needs a dataset repository and a token: no sync.repo in the config',
    );
  });
});
