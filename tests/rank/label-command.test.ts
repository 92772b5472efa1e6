import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { runLabel } from '../../src/cli/commands/label.ts';
import type { CommandContext } from '../../src/cli/context.ts';
import { readEnv } from '../../src/config/env.ts';
import { RadarConfig } from '../../src/config/schema.ts';
import { UsageError } from '../../src/core/errors.ts';
import { createMemoryStores } from '../../src/store/memory/memory-stores.ts';
import { makePaper } from '../helpers/papers.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();

async function context(): Promise<CommandContext> {
  // The directory holds only the state lock and the imported CSV; the stores live in memory.
  const stateDir = tempDir();
  const stores = createMemoryStores();
  await stores.papers.upsert(['2611.00001', '2611.00002', '2611.00003'].map((id) => makePaper(id)));
  return {
    env: readEnv({}),
    loaded: { config: RadarConfig.parse({}), file: undefined, overridden: [] },
    stateDir,
    logger: pino({ level: 'silent' }),
    cwd: stateDir,
    stores,
  };
}

const at = (s: number) => () => new Date(Date.UTC(2026, 10, 21, 0, 0, s));

describe('radar label', () => {
  it('labels papers up and down, then clears one (source cli)', async () => {
    const ctx = await context();
    const lines: string[] = [];
    expect(await runLabel(ctx, ['2611.00001', 'arXiv:2611.00002v2', 'up'], (l) => lines.push(l), at(1))).toBe(
      0,
    );
    await runLabel(ctx, ['2611.00003', 'down'], (l) => lines.push(l), at(2));
    await runLabel(ctx, ['2611.00001', 'clear'], (l) => lines.push(l), at(3));
    const labels = await ctx.stores.labels.readAll();
    expect(labels.map((l) => [l.id, l.label, l.source])).toEqual([
      ['2611.00002', 1, 'cli'],
      ['2611.00003', -1, 'cli'],
    ]);
    expect(lines[0]).toBe('labels: 2 up, 0 down, 0 cleared; 2 changed (source cli)');
  });

  it('refuses unknown papers and writes nothing', async () => {
    const ctx = await context();
    await expect(runLabel(ctx, ['2611.00001', '2611.09999', 'up'], () => undefined)).rejects.toThrow(
      /unknown papers.*2611\.09999/,
    );
    expect(await ctx.stores.labels.readAll()).toEqual([]);
  });

  it('rejects a missing action and a malformed id as usage errors', async () => {
    const ctx = await context();
    await expect(runLabel(ctx, ['2611.00001'], () => undefined)).rejects.toBeInstanceOf(UsageError);
    await expect(runLabel(ctx, ['banana', 'up'], () => undefined)).rejects.toThrow(/not arXiv ids: banana/);
  });

  it('imports a CSV of id,label rows (source import), validated as a whole', async () => {
    const ctx = await context();
    const file = join(ctx.cwd, 'my-labels.csv');
    writeFileSync(file, 'id,label\n2611.00001,up\n2611.00002,-1\n2611.00003,👍\n');
    expect(await runLabel(ctx, ['import', 'my-labels.csv'], () => undefined, at(1))).toBe(0);
    const labels = await ctx.stores.labels.readAll();
    expect(labels.map((l) => [l.id, l.label, l.source])).toEqual([
      ['2611.00001', 1, 'import'],
      ['2611.00002', -1, 'import'],
      ['2611.00003', 1, 'import'],
    ]);
    writeFileSync(file, '2611.00001,down\n2611.00002,maybe\n');
    await expect(runLabel(ctx, ['import', file], () => undefined, at(2))).rejects.toThrow(
      /row 2: label "maybe"/,
    );
    expect((await ctx.stores.labels.readAll())[0]?.label).toBe(1);
    writeFileSync(file, '2611.00001,down\n2611.08888,up\n');
    await expect(runLabel(ctx, ['import', file], () => undefined, at(3))).rejects.toThrow(/2611\.08888/);
    expect((await ctx.stores.labels.readAll())[0]?.label).toBe(1);
  });
});
