/**
 * The commands end to end in a child process against the leaderboard fake: every board collected
 * at once, one board serving a malformed file failing alone (its health recorded), the baseline
 * confirmed by the second run, `list`, `show`, `changes`, and `rankings --csv` read back as a
 * spreadsheet would (one row per model, the freshness columns).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
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

function cliEnv(base: string, stateDir: string): Record<string, string> {
  const env: Record<string, string> = {
    RADAR_STATE_DIR: stateDir,
    ARTIFICIAL_ANALYSIS_API_KEY: 'test-aa-key',
  };
  for (const [board, url] of Object.entries(leaderboardUrls(base)))
    env[`RADAR_LEADERBOARD_${board.toUpperCase()}_URL`] = url;
  return env;
}

describe('radar leaderboards and radar rankings', () => {
  it('collects every board, isolates a failing one, and writes a rankings CSV a spreadsheet opens', async () => {
    fake = await startLeaderboardFake();
    fake.failNext('/evalplus/results.json', { kind: 'malformed', body: '{"humaneval": [' }, 10);
    const cwd = tempDir();
    const stateDir = join(cwd, 'state');
    const env = cliEnv(fake.url, stateDir);
    const run = (...args: string[]) => runCliAsync(args, { cwd, env });

    const first = await run('leaderboards', 'collect');
    expect(first.status).toBe(1);
    expect(first.stdout).toMatch(/^failed\s+EvalPlus: .+\(1 run\(s\) in a row\)$/m);
    expect(first.stdout).toMatch(/^pending\s+SWE-bench: \d+ rows/m);
    const second = await run('leaderboards', 'collect');
    expect(second.stdout).toMatch(/^baseline\s+SWE-bench: not modified, 0 new change\(s\)$/m);
    expect(second.stdout).toMatch(/^failed\s+EvalPlus: .+\(2 run\(s\) in a row\)$/m);
    for (const title of [
      'LiveBench',
      'LiveCodeBench',
      'BigCodeBench',
      'LMArena',
      'OpenRouter',
      'Artificial Analysis',
    ])
      expect(second.stdout).toMatch(new RegExp(`^baseline\\s+${title}: `, 'm'));
    const health = JSON.parse(readFileSync(join(stateDir, 'leaderboards', 'health.json'), 'utf8'));
    expect(health.sources.evalplus.consecutiveFailures).toBe(2);
    expect(health.sources.swebench.consecutiveFailures).toBe(0);

    const list = await run('leaderboards', 'list');
    expect(list.stdout).toMatch(
      /^swebench\s+SWE-bench\s+enabled\s+last snapshot \d{4}-\d{2}-\d{2}, \d+ rows$/m,
    );
    expect(list.stdout).toMatch(/^evalplus\s+EvalPlus\s+enabled\s+never collected, failing 2 run\(s\)/m);

    const doctor = await run('doctor');
    expect(doctor.stdout).toMatch(/^leaderboards \(configured vs collected\)$/m);
    expect(doctor.stdout).toMatch(/^ {2}swebench\s+SWE-bench\s+enabled\s+last snapshot /m);
    expect(doctor.stdout).toMatch(/^ {2}evalplus\s+EvalPlus\s+enabled\s+never collected, failing 2/m);

    const show = await run('leaderboards', 'show', 'swebench');
    expect(show.stdout).toMatch(/^SWE-bench Verified — as of \d{4}-\d{2}-\d{2}, \d+ ranked$/m);
    expect(show.stdout).toMatch(/^ {2}#1 {2}.+ {2}\d+\.\d\d %$/m);
    const unknown = await run('leaderboards', 'show', 'nope');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown leaderboard "nope"/);

    const changes = await run('leaderboards', 'changes', '--days', '3');
    expect(changes.stdout).toMatch(/^no leaderboard change since/m);

    const csvFile = join(cwd, 'rankings.csv');
    const rankings = await run('rankings', '--csv', csvFile, '--sort', 'coding');
    expect(rankings.status).toBe(0);
    const text = readFileSync(csvFile, 'utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows: Array<Record<string, string>> = parse(text, { bom: true, columns: true });
    expect(rows.length).toBeGreaterThan(5);
    expect(new Set(rows.map((r) => r.model_key)).size).toBe(rows.length);
    for (const column of [
      'coding_as_of',
      'coding_stale',
      'performance_as_of',
      'value_as_of',
      'value_stale',
      'coverage',
    ])
      expect(Object.keys(rows[0] ?? {})).toContain(column);
    const coded = rows.filter((r) => r.coding_score !== '');
    expect(coded.length).toBeGreaterThan(0);
    expect(coded.every((r) => r.overall !== '' && Number(r.coverage) >= 0.5)).toBe(true);
    expect(rows.filter((r) => r.coding_score === '').every((r) => r.overall === '')).toBe(true);
    const scores = coded.map((r) => Number(r.coding_score));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(rows.some((r) => r.blended_usd_per_1m_tokens !== '')).toBe(true);

    const check = await run('state', 'check');
    expect(check.stdout).not.toMatch(/unknown|corrupt|unsorted/);
    expect(check.status).toBe(0);

    const bad = await run('rankings', '--sort', 'speed');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--sort must be one of/);
  }, 240_000);
});
