/** /benchmarks: this week's best new benchmarks, from the benchmark radar's merged store. */
import { benchmarkLine, recentBest } from '../../benchmarks/select.ts';
import { plainMessage } from '../message-format.ts';
import type { Command } from './command-types.ts';

const LIMIT = 8;

export const benchmarks: Command = async (deps) => {
  const merged = await deps.stores.benchmarks.readMerged();
  if (merged.length === 0) {
    return plainMessage(
      'Benchmarks are not available yet: the benchmark collector (`radar benchmarks collect`) has not stored any.',
    );
  }
  const best = recentBest(merged, deps.clock.now(), 7, LIMIT);
  if (best.length === 0) return plainMessage(`No new benchmark this week (${merged.length} known in total).`);
  return plainMessage(
    `This week's best new benchmarks (${best.length}):`,
    ...best.map((b, i) => `${i + 1}. ${benchmarkLine(b)}`),
  );
};
