/**
 * LLM scoring of benchmark candidates with a rubric (relevance to the user's interests, novelty,
 * rigor, adoption: 0–10 each with a one-line reason, and an overall score), cached by a hash of
 * the candidate's content: an unchanged candidate is not re-scored until the cache entry is older
 * than the TTL. Popularity is left out of the hash, or every download would re-score.
 */
import { createHash } from 'node:crypto';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import type { BenchmarkCandidate } from './candidate.ts';
import { Rubric, RubricAnswer, type ScoreRecord } from './schemas.ts';

/**
 * The source's own content only: for a paper the name, task and modality come from the LLM's
 * verdict, and a reworded verdict must not re-score an unchanged paper.
 */
export function contentHash(c: BenchmarkCandidate): string {
  const content = [c.url, c.title, c.description, c.size, c.license];
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

export function isFresh(record: ScoreRecord | undefined, hash: string, now: Date, ttlDays: number): boolean {
  if (!record || record.contentHash !== hash) return false;
  return now.getTime() - Date.parse(record.scoredAt) < ttlDays * 86_400_000;
}

export function scorePrompt(c: BenchmarkCandidate, interests: readonly string[]): string {
  const popularity = Object.entries(c.popularity)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  return [
    'First decide isBenchmark: true only when this item itself is a benchmark, evaluation dataset,',
    'test suite or leaderboard; false for a curated/awesome list, an evaluation harness or toolkit,',
    'a solver, agent or model evaluated on a benchmark, a leaderboard run dump or results table,',
    'training or fine-tuning data, or anything else.',
    'Then score this AI benchmark candidate for a researcher. Each axis 0–10 with a one-line reason:',
    '- relevance: to the researcher’s interests below;',
    '- novelty: does it measure something existing benchmarks do not;',
    '- rigor: construction, size, contamination control, clear metrics;',
    '- adoption: signs of use (popularity, leaderboard, known authors).',
    'Then an overall 0–10 (not necessarily the mean).',
    '',
    `Interests: ${interests.join('; ') || 'AI research in general'}`,
    '',
    `Source: ${c.source} (${c.url})`,
    `Name: ${c.name || c.title}`,
    `Title: ${c.title}`,
    `Description: ${c.description.slice(0, 1500)}`,
    `Task: ${c.task.join(', ') || 'unknown'}; modality: ${c.modality.join(', ') || 'unknown'}; metrics: ${c.metrics.join(', ') || 'unknown'}`,
    `Size: ${c.size ?? 'unknown'}; license: ${c.license ?? 'unknown'}; popularity: ${popularity || 'unknown'}`,
  ].join('\n');
}

export interface ScoreDeps {
  llm: LlmClient;
  now: () => Date;
  logger: Logger;
}

export interface ScoreOptions {
  ttlDays: number;
  interests: readonly string[];
}

export interface ScoreOutcome {
  /** Rows scored in this run (to write to the cache). */
  fresh: ScoreRecord[];
  /** The current score of every candidate that has one (cached or fresh). */
  byId: Map<string, ScoreRecord>;
  cached: number;
  attempted: number;
  failed: Array<{ id: string; error: string }>;
  /** False when no model is configured for `benchmarks`: nothing was attempted. */
  llmAvailable: boolean;
}

export async function scoreCandidates(
  deps: ScoreDeps,
  candidates: readonly BenchmarkCandidate[],
  cache: readonly ScoreRecord[],
  options: ScoreOptions,
): Promise<ScoreOutcome> {
  const now = deps.now();
  const cachedById = new Map(cache.map((r) => [r.id, r]));
  const byId = new Map<string, ScoreRecord>();
  const todo: Array<{ candidate: BenchmarkCandidate; hash: string }> = [];
  for (const candidate of candidates) {
    const hash = contentHash(candidate);
    const record = cachedById.get(candidate.id);
    if (record && isFresh(record, hash, now, options.ttlDays)) byId.set(candidate.id, record);
    else todo.push({ candidate, hash });
  }
  const cached = byId.size;
  const llmAvailable = deps.llm.available('benchmarks');
  const outcome: ScoreOutcome = { fresh: [], byId, cached, attempted: 0, failed: [], llmAvailable };
  if (!llmAvailable) return outcome;
  outcome.attempted = todo.length;
  await Promise.all(
    todo.map(async ({ candidate, hash }) => {
      const result = await deps.llm.structured({
        purpose: 'benchmarks',
        schema: RubricAnswer,
        schemaName: 'benchmark_rubric',
        messages: [{ role: 'user', content: scorePrompt(candidate, options.interests) }],
        temperature: 0,
      });
      if (!result.ok) {
        outcome.failed.push({ id: candidate.id, error: result.error.message });
        deps.logger.warn({ id: candidate.id, error: result.error.message }, 'benchmark scoring failed');
        return;
      }
      const record = {
        id: candidate.id,
        contentHash: hash,
        scoredAt: now.toISOString(),
        model: result.model,
        rubric: Rubric.parse(result.value),
      };
      outcome.fresh.push(record);
      byId.set(candidate.id, record);
    }),
  );
  return outcome;
}

/** Counts of overall scores in bins [0,2) [2,4) [4,6) [6,8) [8,10]. */
export function scoreDistribution(scores: Iterable<number>): Record<string, number> {
  const bins: Record<string, number> = { '0-2': 0, '2-4': 0, '4-6': 0, '6-8': 0, '8-10': 0 };
  const names = Object.keys(bins);
  for (const s of scores) {
    const name = names[Math.min(4, Math.floor(s / 2))] ?? '8-10';
    bins[name] = (bins[name] ?? 0) + 1;
  }
  return bins;
}
