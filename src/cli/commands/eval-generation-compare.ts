/**
 * `radar eval generation compare --cases S --candidate A --candidate B [--judge-model M]
 * [--workers N] [--force]`: a pairwise run in the eval run layout. A run whose benchmark key
 * already succeeded is skipped (0 LLM calls) unless --force. Ctrl-C stops taking cases, lets
 * the calls in flight return and marks the run cancelled; a second Ctrl-C exits at once (every
 * file written so far is whole).
 */
import { join } from 'node:path';
import { runCompare } from '../../evals/generation/compare-run.ts';
import type { GenerationRunOptions } from '../../evals/generation/run-schemas.ts';
import { newEvalRunId } from '../../evals/run-layout/paths.ts';
import type { GenerationRunStore } from '../../store/eval-stores.ts';
import type { Out } from '../action.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { createProgress } from '../progress.ts';
import { formatRun } from './eval-generation-format.ts';
import { type CompareFlags, type ComparePreparation, prepareCompare } from './eval-generation-plan.ts';
import {
  comparisonConfig,
  createComparisonLlm,
  generationPurpose,
  JUDGE_PURPOSE,
} from './eval-generation-wiring.ts';

export type { CompareFlags };

export interface CompareHooks {
  /** Aborts the run (tests); by default SIGINT/SIGTERM do. */
  signal?: AbortSignal;
  promptsDir?: string;
}

function optionsOf(p: ComparePreparation, force: boolean): GenerationRunOptions {
  return {
    compareMode: 'pairwise',
    pairCandidateAID: p.a.id,
    pairCandidateBID: p.b.id,
    pairJudgeModel: p.judgeModel,
    casesPath: p.casesPath,
    datasetHash: p.datasetHash,
    workers: p.workers,
    force,
    candidateModels: { a: p.a.model, b: p.b.model },
    promptHashes: {
      a: p.a.generationPromptHash,
      b: p.b.generationPromptHash,
      judge: Object.values(p.judgeTemplates)
        .map((t) => t.hash)
        .join('+'),
    },
  };
}

/**
 * Runs left `running` by a process that died (this one holds the state lock, so no other radar
 * process is writing them) are marked failed, so they never count as a success for their key.
 */
async function markInterruptedRuns(store: GenerationRunStore, now: Date): Promise<string[]> {
  const stale = (await store.list(1000)).flatMap((r) =>
    r.ok && r.manifest.status === 'running' ? [r.manifest] : [],
  );
  for (const m of stale) {
    await store.writeManifest({
      ...m,
      status: 'failed',
      finishedAt: now.toISOString(),
      error: 'interrupted: the process running it died',
    });
    await store.appendEvents(m.runId, [
      { type: 'run_failed', run_id: m.runId, recorded_ms: now.getTime(), message: 'interrupted' },
    ]);
  }
  return stale.map((m) => m.runId);
}

/** SIGINT/SIGTERM abort the run; a second one exits now. */
function interruptSignal(out: Out): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    out('cancelling: no new case starts; waiting for the calls in flight (Ctrl-C again to quit now)');
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

export async function runEvalGenerationCompare(
  ctx: CommandContext,
  flags: CompareFlags,
  out: Out,
  hooks: CompareHooks = {},
): Promise<number> {
  return withStateLock(ctx, 'eval generation compare', async () => {
    const store = ctx.stores.evals.generation.runs;
    for (const id of await markInterruptedRuns(store, new Date()))
      out(`run ${id} was interrupted (its process died): marked failed`);
    const prep = await prepareCompare(ctx, flags, store, hooks.promptsDir);
    if (prep.previous !== undefined && flags.force !== true) {
      out(
        `skipped: run ${prep.previous} already has benchmark key ${prep.key.hash.slice(0, 12)} (use --force to run again)`,
      );
      return 0;
    }
    const runId = newEvalRunId(new Date(), 'generation');
    const config = comparisonConfig(ctx.loaded.config, [prep.a, prep.b], prep.judgeModel);
    const llm = createComparisonLlm(ctx, config, runId);
    const interrupt = hooks.signal
      ? { signal: hooks.signal, dispose: () => undefined }
      : interruptSignal(out);
    const progress = await createProgress(ctx.logger, 'cases');
    out(
      `run ${runId}: ${prep.cases.length} cases (${prep.excluded.length} excluded), ${prep.workers} workers`,
    );
    try {
      const manifest = await runCompare(
        {
          writer: store,
          llm,
          cache: ctx.stores.evals.generation.cache,
          now: () => new Date(),
          signal: interrupt.signal,
          onCaseDone: (_r, done, total) => progress.update('compare', done, total),
        },
        {
          runId,
          cases: prep.cases,
          excluded: prep.excluded,
          pair: {
            a: { candidate: prep.a, purpose: generationPurpose(prep.a.id) },
            b: { candidate: prep.b, purpose: generationPurpose(prep.b.id) },
            judge: { purpose: JUDGE_PURPOSE, templates: prep.judgeTemplates },
          },
          workers: prep.workers,
          options: optionsOf(prep, flags.force === true),
          benchmarkKey: prep.key,
          codeVersion: prep.codeVersion,
          defaultSystem: prep.summarySystem,
          userInterests: ctx.loaded.config.ranking.seedInterests,
          pid: process.pid,
        },
        (caseId) => store.paths(runId).case(caseId).relativeDir,
      );
      progress.stop();
      for (const line of formatRun(manifest)) out(line);
      out(`files: ${join(store.runsDir, runId)}  (report: radar eval generation report ${runId})`);
      if (manifest.status === 'cancelled') return 130;
      return manifest.status === 'completed' && manifest.counts.failed === 0 ? 0 : 1;
    } finally {
      progress.stop();
      interrupt.dispose();
    }
  });
}
