/** The price of one call from its token usage and the model's declared prices (pure). */
import type { LlmModelConfig } from '../config/schema.ts';
import type { LlmUsage } from './llm-types.ts';

type Prices = Pick<LlmModelConfig, 'inputPricePerMillion' | 'outputPricePerMillion'>;

export function costOf(usage: LlmUsage, prices: Prices): number {
  const cost =
    (usage.inputTokens * prices.inputPricePerMillion + usage.outputTokens * prices.outputPricePerMillion) /
    1_000_000;
  // Rounded to a billionth of a dollar: ledger rows stay short without dropping tiny calls.
  return Math.round(cost * 1e9) / 1e9;
}

export function addUsage(a: LlmUsage, b: LlmUsage): LlmUsage {
  return { inputTokens: a.inputTokens + b.inputTokens, outputTokens: a.outputTokens + b.outputTokens };
}
