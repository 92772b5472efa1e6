import { describe, expect, it } from 'vitest';
import { formatPicks, runRank } from '../../src/cli/commands/rank.ts';
import type { CommandContext } from '../../src/cli/context.ts';
import { readEnv } from '../../src/config/env.ts';
import { UsageError } from '../../src/core/errors.ts';
import { createFileStores } from '../../src/store/stores.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { rankDeps, seedState } from './seed-state.ts';

const tempDir = useTempDirs();

function context(stateDir: string): CommandContext {
  const { config, logger } = rankDeps(stateDir);
  return {
    env: readEnv({}),
    loaded: { config, file: undefined, overridden: [] },
    stateDir,
    logger,
    cwd: stateDir,
    stores: createFileStores(stateDir),
  };
}

describe('radar rank', () => {
  it('prints the evaluation and the picks as a table with titles cut to fit', async () => {
    const stateDir = await seedState(tempDir, { labels: true });
    const lines: string[] = [];
    const code = await runRank(
      context(stateDir),
      { date: '2026-11-21', days: '3', eval: true },
      (l) => lines.push(l),
      60,
    );
    expect(code).toBe(0);
    expect(lines[0]).toMatch(
      /temporal split \(train 24 older, test 6 newer labels\): ROC-AUC \d\.\d{3}, precision@10/,
    );
    expect(lines[1]).toMatch(/stratified 5-fold over 30 labels/);
    expect(lines[2]).toMatch(
      /^2026-11-21 toy-16 \(classifier; 15\+\/15- labels; \d+ candidates, 1 near-duplicates dropped\)/,
    );
    const rows = lines.slice(3);
    expect(rows).toHaveLength(6);
    for (const row of rows) {
      expect(row).toMatch(/^ {2}2611\.\d{5} +0\.\d{3} {2}(top|explore) +Paper 2611\.\d{5}$/);
      expect(row.length).toBeLessThanOrEqual(60);
    }
  });

  it('cuts long titles with an ellipsis', () => {
    const result = {
      date: '2026-11-21',
      models: [
        {
          model: 'm',
          mode: 'classifier' as const,
          candidates: 1,
          duplicates: 0,
          withoutVector: 0,
          labels: { positives: 5, negatives: 5 },
          picks: [{ date: '2026-11-21', id: '2611.00001', model: 'm', score: 0.9, reason: 'top' as const }],
        },
      ],
    };
    const [, row] = formatPicks(result, new Map([['2611.00001', 'A'.repeat(200)]]), 80);
    expect(row).toHaveLength(80);
    expect(row?.endsWith('A…')).toBe(true);
  });

  it('rejects a malformed date', async () => {
    await expect(runRank(context(tempDir()), { date: '21/11/2026' }, () => undefined)).rejects.toBeInstanceOf(
      UsageError,
    );
  });
});
