import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../tests/helpers/temp-dir.ts';
import { ConfigError } from '../core/errors.ts';
import { readEnv } from './env.ts';
import { loadConfig } from './load.ts';

const tempDir = useTempDirs();

describe('loadConfig', () => {
  it('runs on built-in defaults when there is no config file', () => {
    const cwd = tempDir();
    const { config, file } = loadConfig({ env: readEnv({}), cwd });
    expect(file).toBeUndefined();
    expect(config.arxiv.categories).toEqual(['cs.AI', 'cs.CL', 'cs.CV', 'cs.IR', 'cs.LG']);
    expect(config.schedule.dailyPipeline).toBe('0 8 * * *');
    expect(config.embedding.active).toEqual(['hashing-384']);
    expect(Object.isFrozen(config.arxiv)).toBe(true);
  });

  it('merges a YAML file over the defaults', () => {
    const cwd = tempDir();
    writeFileSync(
      join(cwd, 'radar.config.yaml'),
      'arxiv:\n  categories: [cs.CL]\nbudgets:\n  dailyUsd: 0.5\n',
    );
    const { config, file } = loadConfig({ env: readEnv({}), cwd });
    expect(file).toBe(join(cwd, 'radar.config.yaml'));
    expect(config.arxiv.categories).toEqual(['cs.CL']);
    expect(config.arxiv.firstRunDays).toBe(3);
    expect(config.budgets.dailyUsd).toBe(0.5);
  });

  it('names every bad key and why', () => {
    const cwd = tempDir();
    const file = join(cwd, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({
        arxiv: { categories: [], pageSize: 'many' },
        schedule: { timezone: 'Mars/Olympus' },
        typo: 1,
      }),
    );
    let error: unknown;
    try {
      loadConfig({ file: 'bad.json', env: readEnv({}), cwd });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const configError = error as ConfigError;
    expect(configError.exitCode).toBe(2);
    const text = configError.issues.join('\n');
    expect(text).toContain('arxiv.categories');
    expect(text).toContain('arxiv.pageSize');
    expect(text).toContain('schedule.timezone: must be an IANA time zone');
    expect(text).toMatch(/typo/);
  });

  it('lets the environment override every endpoint', () => {
    const cwd = tempDir();
    const env = readEnv({
      RADAR_ARXIV_API_URL: 'http://127.0.0.1:9/api/query',
      NOTION_BASE_URL: 'http://127.0.0.1:9',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      HF_ENDPOINT: 'http://127.0.0.1:9',
      RADAR_LEADERBOARD_SWEBENCH_URL: 'http://127.0.0.1:9/swe.json',
    });
    const { config, overridden } = loadConfig({ env, cwd });
    expect(config.arxiv.apiUrl).toBe('http://127.0.0.1:9/api/query');
    expect(config.notion.baseUrl).toBe('http://127.0.0.1:9');
    expect(config.chat.telegram.apiRoot).toBe('http://127.0.0.1:9');
    expect(config.sources.huggingface.endpoint).toBe('http://127.0.0.1:9');
    expect(config.sources.leaderboards.swebench?.url).toBe('http://127.0.0.1:9/swe.json');
    expect(overridden.some((o) => o.includes('RADAR_ARXIV_API_URL'))).toBe(true);
  });

  it('configures the default LLM provider from OPENAI_BASE_URL and RADAR_LLM_MODEL alone', () => {
    const env = readEnv({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', RADAR_LLM_MODEL: 'qwen3:8b' });
    const { config } = loadConfig({ env, cwd: tempDir() });
    const provider = config.llm.providers.default;
    expect(provider?.baseUrl).toBe('http://127.0.0.1:11434/v1');
    expect(Object.keys(provider?.models ?? {})[0]).toBe('qwen3:8b');
  });

  it('rejects an invalid endpoint override naming the key', () => {
    expect(() => loadConfig({ env: readEnv({ RADAR_ARXIV_API_URL: 'not a url' }), cwd: tempDir() })).toThrow(
      /arxiv\.apiUrl/,
    );
  });

  it('rejects task references to undeclared models', () => {
    const cwd = tempDir();
    writeFileSync(join(cwd, 'radar.config.yaml'), 'llm:\n  tasks:\n    summarize: default/nope\n');
    expect(() => loadConfig({ env: readEnv({}), cwd })).toThrow(/llm\.tasks\.summarize: model "nope"/);
  });

  it('reports a missing explicit config file', () => {
    expect(() => loadConfig({ file: 'missing.yaml', env: readEnv({}), cwd: tempDir() })).toThrow(/not found/);
  });
});
