/**
 * The README's first command on a fresh machine: `radar run --once` with no keys runs offline
 * on the bundled sample and ends with the path of the HTML digest; a second run adds nothing
 * twice; the state stays valid.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPicksStore } from '../src/store/picks-store.ts';
import { createRunsStore } from '../src/store/runs-store.ts';
import { createSummariesStore } from '../src/store/summaries-store.ts';
import { runCliAsync } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('radar run --once, offline', () => {
  it('turns the bundled sample into picks, extractive summaries and an HTML digest, idempotently', async () => {
    const cwd = tempDir();
    const first = await runCliAsync(['run', '--once'], { cwd });
    expect(first.stderr).not.toMatch(/"level":(50|60)/);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('running offline');
    const digest = /the digest: (.+\.html)/.exec(first.stdout)?.[1];
    expect(digest).toBeDefined();
    const html = readFileSync(digest ?? '', 'utf8');
    const state = join(cwd, 'state');

    const picks = await createPicksStore(state).readAll();
    expect(picks.length).toBe(10);
    // No exploration by default (bench/ranking-explore.ts: it cost pick precision for no AUC gain).
    expect(picks.filter((p) => p.reason === 'explore')).toHaveLength(0);
    const summaries = await createSummariesStore(state).readAll();
    expect(summaries.map((s) => s.id).sort()).toEqual(picks.map((p) => p.id).sort());
    expect(summaries.every((s) => s.source === 'extractive')).toBe(true);
    for (const pick of picks) {
      expect(html).toContain(`id="${pick.id}"`);
      expect(existsSync(join(state, 'out', 'papers', `${pick.id}.md`))).toBe(true);
    }
    expect(html).toContain('Extractive summary from the abstract');

    // The same day again: the same picks, nothing summarized twice.
    const second = await runCliAsync(['run', '--once'], { cwd });
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/new papers {3}0/);
    expect(await createPicksStore(state).readAll()).toEqual(picks);
    expect(second.stdout).toContain('0 summarized');

    const runs = await createRunsStore(state).list();
    expect(runs).toHaveLength(2);
    expect(runs.every((r) => r.status === 'completed')).toBe(true);
    expect(runs[0]?.steps.map((s) => s.name)).toEqual([
      'collect',
      'embed',
      'rank',
      'summarize',
      'publish',
      'notify',
    ]);
    const events = await createRunsStore(state).events(runs[0]?.runId ?? '');
    expect(events[0]?.type).toBe('run_start');
    expect(events.at(-1)?.type).toBe('run_completed');

    const check = await runCliAsync(['state', 'check'], { cwd });
    expect(check.stdout).not.toMatch(/^(corrupt|unsorted|unknown)/m);
    expect(check.status).toBe(0);

    const listing = await runCliAsync(['runs'], { cwd });
    expect(listing.stdout.trim().split('\n')).toHaveLength(2);
    const shown = await runCliAsync(['runs', 'show', runs[0]?.runId ?? ''], { cwd });
    expect(shown.stdout).toContain('step_finished');
  }, 120_000);

  it('runs only the steps asked for, and rejects unknown ones', async () => {
    const cwd = tempDir();
    const result = await runCliAsync(['run', '--once', '--steps', 'embed,collect'], { cwd });
    expect(result.status).toBe(0);
    const [run] = await createRunsStore(join(cwd, 'state')).list();
    expect(run?.steps.map((s) => s.name)).toEqual(['collect', 'embed']);
    const bad = await runCliAsync(['run', '--once', '--steps', 'collect,dance'], { cwd });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('unknown: dance');
  }, 60_000);
});
