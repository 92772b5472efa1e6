/** `radar benchmarks collect|list|report` in a child process against the HF and GitHub fakes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { type GitHubFake, makeRepository, startGitHubFake } from './fakes/github-fake.ts';
import { type HuggingFaceFake, startHuggingFaceFake } from './fakes/huggingface-fake.ts';
import { runCliAsync } from './helpers/run-cli.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
let hf: HuggingFaceFake | undefined;
let gh: GitHubFake | undefined;
afterEach(async () => {
  await hf?.close();
  await gh?.close();
});

describe('radar benchmarks', () => {
  it('collects, records a run manifest, lists, reports, and keeps the state valid', async () => {
    const recent = new Date(Date.now() - 2 * 86_400_000).toISOString();
    hf = await startHuggingFaceFake({
      datasets: [
        {
          id: 'acme/agent-benchmark',
          downloads: 900,
          likes: 3,
          tags: ['benchmark', 'task_categories:question-answering'],
          lastModified: recent,
          description: 'A benchmark for agents.',
        },
      ],
    });
    gh = await startGitHubFake({
      repositories: [
        makeRepository({
          fullName: 'acme/agent-benchmark',
          description: 'Agent benchmark',
          stars: 120,
          topics: ['benchmark'],
          createdAt: recent,
          pushedAt: recent,
        }),
      ],
    });
    const cwd = tempDir();
    const env = {
      HF_ENDPOINT: hf.url,
      GITHUB_API_URL: gh.url,
      GITHUB_TOKEN: 'ghp_test',
      RADAR_STATE_DIR: join(cwd, 'state'),
    };
    const collect = await runCliAsync(['benchmarks', 'collect'], { cwd, env });
    expect(collect.stderr).toBe('');
    expect(collect.stdout).toContain('ok      huggingface: 1 candidates');
    expect(collect.stdout).toContain('ok      github: 1 candidates');
    expect(collect.stdout).toContain('scored: none (no LLM configured for "benchmarks")');
    expect(collect.stdout).toContain('merged: 1 benchmarks (1 from several sources)');
    expect(collect.status).toBe(0);
    const runs = readdirSync(join(cwd, 'state', 'runs'));
    expect(runs).toHaveLength(1);
    const manifest = JSON.parse(
      readFileSync(join(cwd, 'state', 'runs', runs[0] ?? '', 'manifest.json'), 'utf8'),
    );
    expect(manifest.status).toBe('completed');
    expect(manifest.steps.map((s: { name: string }) => s.name)).toEqual([
      'benchmarks:huggingface',
      'benchmarks:github',
      'benchmarks:arxiv',
      'benchmarks:score',
      'benchmarks:merge',
    ]);
    const list = await runCliAsync(['benchmarks', 'list', '--days', '7'], { cwd, env });
    expect(list.stdout).toMatch(/^agent-benchmark \(unscored; github\+huggingface; ★120 ⬇900\)/);
    const report = await runCliAsync(['benchmarks', 'report'], { cwd, env });
    expect(report.status).toBe(0);
    expect(report.stdout).toContain('# Benchmark trends, week');
    const check = await runCliAsync(['state', 'check'], { cwd, env });
    expect(check.stdout).not.toMatch(/unknown|corrupt/);
  });
});
