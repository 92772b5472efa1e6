import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractiveSummary } from '../src/digest/extractive-summary.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import { makePaper } from './helpers/papers.ts';
import { runCli } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();

describe('radar CLI', () => {
  it('lists its commands with --help and exits 0', () => {
    const result = runCli(['--help'], { cwd: tempDir() });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('doctor');
    expect(result.stdout).toContain('state');
    expect(result.stdout).toContain('--state <dir>');
  });

  it('exits 2 on an unknown command', () => {
    const result = runCli(['frobnicate'], { cwd: tempDir() });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("unknown command 'frobnicate'");
  });

  it('doctor reports services without printing any secret', () => {
    const cwd = tempDir();
    const secrets = {
      OPENAI_API_KEY: 'sk-test-SECRET-openai-1234',
      NOTION_TOKEN: 'secret_NOTION_abcdef',
      TELEGRAM_BOT_TOKEN: '123456:TELEGRAM-SECRET',
      SLACK_BOT_TOKEN: 'xoxb-SLACK-SECRET',
      SLACK_APP_TOKEN: 'xapp-SLACK-APP-SECRET',
    };
    const result = runCli(['doctor', '--state', 'my-state'], { cwd, env: secrets });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(join(cwd, 'my-state'));
    expect(result.stdout).toMatch(/LLM provider default\s+configured/);
    expect(result.stdout).toMatch(/Notion\s+configured/);
    expect(result.stdout).toMatch(/Feishu\s+not configured\s+set FEISHU_APP_ID and FEISHU_APP_SECRET/);
    expect(result.stdout).toContain('the allowlist is empty');
    for (const secret of Object.values(secrets)) {
      expect(result.stdout).not.toContain(secret);
      expect(result.stderr).not.toContain(secret);
    }
  });

  it('loads secrets from a .env file in the working directory', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, '.env'), 'NOTION_TOKEN=secret_from_dotenv\n');
    const result = runCli(['doctor'], { cwd });
    expect(result.stdout).toMatch(/Notion\s+configured/);
    expect(result.stdout).not.toContain('secret_from_dotenv');
  });

  it('takes the state directory from RADAR_STATE_DIR and the config from --config', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'custom.yaml'), 'arxiv:\n  categories: [cs.IR]\n');
    const result = runCli(['doctor', '--config', 'custom.yaml'], {
      cwd,
      env: { RADAR_STATE_DIR: join(cwd, 'elsewhere') },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(join(cwd, 'custom.yaml'));
    expect(result.stdout).toContain(join(cwd, 'elsewhere'));
    expect(result.stdout).toContain('arXiv      cs.IR');
  });

  it('exits 2 on an invalid config, naming the keys, before touching the state', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'radar.config.yaml'),
      'arxiv:\n  requestIntervalSeconds: -1\nschedule:\n  dailyPipeline: soon\n',
    );
    const result = runCli(['state', 'check', '--state', 'st'], { cwd });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('arxiv.requestIntervalSeconds');
    expect(result.stderr).toContain('schedule.dailyPipeline');
    expect(existsSync(join(cwd, 'st'))).toBe(false);
  });

  it('state check passes on a valid state and fails on corrupt, unsorted or unknown files', async () => {
    const cwd = tempDir();
    const state = join(cwd, 'state');
    await createPapersStore(state).upsert([makePaper('2511.00001'), makePaper('2511.00002')]);
    const clean = runCli(['state', 'check'], { cwd });
    expect(clean.status).toBe(0);
    expect(clean.stdout).toContain('1 ok');

    writeFileSync(join(state, 'papers', '2510.csv'), 'id,version\n"broken');
    mkdirSync(join(state, 'summaries'));
    writeFileSync(
      join(state, 'summaries', '2511.jsonl'),
      ['2511.00002', '2511.00001']
        .map((id) =>
          JSON.stringify({
            ...extractiveSummary({
              title: `Paper ${id}`,
              abstract: 'We propose a thing. It works.',
              categories: ['cs.CL'],
            }),
            id,
            model: 'extractive',
            promptHash: 'none',
            source: 'extractive',
            textRoute: 'abstract',
            at: '2026-11-20T10:00:00Z',
          }),
        )
        .join('\n'),
    );
    writeFileSync(join(state, 'notes.txt'), 'mine');
    const dirty = runCli(['state', 'check'], { cwd });
    expect(dirty.status).toBe(1);
    expect(dirty.stdout).toMatch(/corrupt\s+papers\/2510\.csv/);
    expect(dirty.stdout).toMatch(/unsorted\s+summaries\/2511\.jsonl/);
    expect(dirty.stdout).toMatch(/unknown\s+notes\.txt/);
  });
});
