import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEvalSearchScore } from '../../../src/cli/commands/eval-search-score.ts';
import { main } from '../../../src/cli/main.ts';

const dir = join(import.meta.dirname, 'fixtures', 'trec');
const qrels = join(dir, 'edge.qrels');
const run = join(dir, 'edge.run');

describe('radar eval search score', () => {
  it('prints trec_eval -q lines, per query then all', async () => {
    const lines: string[] = [];
    const code = await runEvalSearchScore({ qrels, run, perQuery: true, missingAsEmpty: true }, (l) =>
      lines.push(l),
    );
    expect(code).toBe(0);
    const rows = lines.join('\n').split('\n');
    expect(rows).toContain('map                   \ttied\t0.9167');
    expect(rows).toContain('num_q                 \tall\t6');
    expect(rows.at(-1)?.startsWith('F1_10')).toBe(true);
  });

  it('prints JSON with --json', async () => {
    const lines: string[] = [];
    await runEvalSearchScore({ qrels, run, json: true, relLevel: '2' }, (l) => lines.push(l));
    const parsed: unknown = JSON.parse(lines.join('\n'));
    expect(parsed).toMatchObject({ num_q: 5, all: { num_rel: 5 } });
  });

  it('exits 2 on a usage mistake, naming it', async () => {
    expect(await main(['eval', 'search', 'score', '--qrels', qrels])).toBe(2);
    expect(await main(['eval', 'search', 'score', '--qrels', qrels, '--run', join(dir, 'nope.run')])).toBe(2);
    expect(await main(['eval', 'search', 'score', '--qrels', qrels, '--run', run, '--cutoff', '0'])).toBe(2);
    await expect(runEvalSearchScore({ qrels, run, cutoff: 'x' }, () => undefined)).rejects.toThrow(
      /--cutoff takes an integer/,
    );
  });
});
