/** `radar tags`, `radar tags merge|rename` and an offline `radar summarize`, through the real binary. */
import { describe, expect, it } from 'vitest';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { createSummariesStore } from '../../src/store/summaries-store.ts';
import { createTagsStore } from '../../src/store/tags-store.ts';
import { makePaper } from '../helpers/papers.ts';
import { runCli } from '../helpers/run-cli.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { storedSummary } from './fixtures.ts';

const tempDir = useTempDirs();

async function seed(stateDir: string): Promise<void> {
  await createPapersStore(stateDir).upsert(
    ['2605.00001', '2605.00002', '2611.00003'].map((id) => makePaper(id)),
  );
  await createSummariesStore(stateDir).upsert([
    storedSummary('2605.00001', { tags: ['quantization', 'LLMs', 'inference'] }),
    storedSummary('2605.00002', { tags: ['model compression', 'quantization', 'pruning'] }),
    storedSummary('2611.00003', { tags: ['LLMs', 'agents', 'planning'] }),
  ]);
  await createTagsStore(stateDir).write(
    ['quantization', 'LLMs', 'inference', 'model compression', 'pruning', 'agents', 'planning'].map(
      (name) => ({
        name,
        aliases: name === 'LLMs' ? ['large language models'] : [],
      }),
    ),
  );
}

describe('radar tags', () => {
  it('lists tags with counts and aliases', async () => {
    const cwd = tempDir();
    await seed(`${cwd}/state`);
    const result = runCli(['tags'], { cwd });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^7 tags$/m);
    expect(result.stdout).toMatch(/^\s+2 {2}LLMs\s+\(aliases: large language models\)$/m);
    expect(result.stdout).toMatch(/^\s+2 {2}quantization$/m);
    expect(result.stdout).toMatch(/^\s+1 {2}pruning$/m);
  });

  it('merges a tag into another and rewrites the summaries, deduplicated', async () => {
    const cwd = tempDir();
    const stateDir = `${cwd}/state`;
    await seed(stateDir);
    const result = runCli(['tags', 'merge', 'quantization', 'model compression'], { cwd });
    expect(result.stdout).toContain('2 summaries rewritten');
    expect(result.status).toBe(0);
    const stored = await createSummariesStore(stateDir).readAll();
    expect(stored.find((s) => s.id === '2605.00001')?.tags).toEqual([
      'model compression',
      'LLMs',
      'inference',
    ]);
    const second = stored.find((s) => s.id === '2605.00002')?.tags ?? [];
    expect(second.slice(0, 2)).toEqual(['model compression', 'pruning']);
    expect(second).toHaveLength(3);
    const vocab = await createTagsStore(stateDir).read();
    expect(vocab.find((t) => t.name === 'model compression')?.aliases).toEqual(['quantization']);
    expect(vocab.some((t) => t.name === 'quantization')).toBe(false);
    expect(runCli(['state', 'check'], { cwd }).status).toBe(0);
  });

  it('renames a tag, its summaries follow in every shard, the old name stays an alias', async () => {
    const cwd = tempDir();
    const stateDir = `${cwd}/state`;
    await seed(stateDir);
    const result = runCli(['tags', 'rename', 'LLMs', 'large language models'], { cwd });
    expect(result.status).toBe(0);
    const stored = await createSummariesStore(stateDir).readAll();
    expect(stored.filter((s) => s.tags.includes('large language models')).map((s) => s.id)).toEqual([
      '2605.00001',
      '2611.00003',
    ]);
    expect(stored.some((s) => s.tags.includes('LLMs'))).toBe(false);
    const vocab = await createTagsStore(stateDir).read();
    expect(vocab.find((t) => t.name === 'large language models')?.aliases).toEqual(['LLMs']);
  });

  it('refuses an unknown tag', async () => {
    const cwd = tempDir();
    await seed(`${cwd}/state`);
    const result = runCli(['tags', 'merge', 'nonexistent', 'pruning'], { cwd });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('no tag "nonexistent"');
  });
});

describe('radar summarize offline', () => {
  it('writes extractive summaries when no LLM key is set', async () => {
    const cwd = tempDir();
    await createPapersStore(`${cwd}/state`).upsert([
      makePaper('2605.00001', {
        title: 'Sparse Attention for Long Documents',
        abstract: 'We propose a sparse attention. Results improve by 3%.',
      }),
    ]);
    const result = runCli(['summarize', '--ids', '2605.00001'], { cwd });
    expect(result.stderr).not.toMatch(/"level":50|unexpected error/);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('summarized 1 (1 extractive)');
    const stored = await createSummariesStore(`${cwd}/state`).readAll();
    expect(stored[0]).toMatchObject({ id: '2605.00001', source: 'extractive', textRoute: 'abstract' });
    expect(runCli(['summarize', '--ids', '2605.00001'], { cwd }).stdout).toContain('skipped 1');
  });
});
