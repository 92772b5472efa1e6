/** The port every pipeline step implements; the orchestrator knows nothing else about them. */
import type { Logger } from '../log/logger.ts';

export const STEP_NAMES = ['collect', 'embed', 'rank', 'summarize', 'publish', 'notify'] as const;
export type StepName = (typeof STEP_NAMES)[number];

export interface StepContext {
  runId: string;
  /** The run's day in the configured time zone (YYYY-MM-DD). */
  day: string;
  offline: boolean;
  signal: AbortSignal;
  logger: Logger;
  /** Records one item that failed while the step goes on. */
  itemFailed(item: string, error: string): void;
  /** Reports progress of long work (done of total). */
  progress(done: number, total: number): void;
}

export interface StepOutcome {
  counts: Record<string, number>;
  /** One line for the run summary, e.g. "3 new papers (window 2026-11-18 → 2026-11-21)". */
  note?: string;
  /** Files the user should look at, e.g. { digest: 'state/out/digest-2026-11-21.html' }. */
  outputs?: Record<string, string>;
  /** The step finished but some of its items failed in a way the run must report (the run is `partial`). */
  degraded?: boolean;
}

export interface PipelineStep {
  name: StepName;
  run(ctx: StepContext): Promise<StepOutcome>;
}
