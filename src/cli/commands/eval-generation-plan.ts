/**
 * Everything a comparison needs before it runs: both candidates, the judge, the cases (after
 * exclusions), the prompts, the benchmark key, and the run that already has this key.
 */
import { availableParallelism } from 'node:os';
import { UsageError } from '../../core/errors.ts';
import { loadPrompt } from '../../digest/prompt-files.ts';
import type { PromptTemplate } from '../../digest/prompt-template.ts';
import { benchmarkKey, EVALUATOR_VERSION, stableHash } from '../../evals/generation/benchmark-key.ts';
import type { Candidate } from '../../evals/generation/candidate.ts';
import { datasetHash, type EvalCase } from '../../evals/generation/case-set.ts';
import { isSuccessfulRun } from '../../evals/generation/compare-run.ts';
import { selectRunnable } from '../../evals/generation/integrity.ts';
import type { Axis } from '../../evals/generation/verdict.ts';
import type { BenchmarkKeyRecord } from '../../evals/run-layout/schemas.ts';
import { loadCaseSet } from '../../store/eval-generation-cases-store.ts';
import { generationCodeVersion } from '../../store/eval-generation-code-version.ts';
import type { GenerationRunStore } from '../../store/eval-stores.ts';
import type { CommandContext } from '../context.ts';
import { checkModel, judgeModelOf, loadJudgeTemplates } from './eval-generation-wiring.ts';

export interface CompareFlags {
  cases: string;
  candidate: string[];
  judgeModel?: string;
  workers?: string;
  force?: boolean;
}

export interface ComparePreparation {
  a: Candidate;
  b: Candidate;
  judgeModel: string;
  judgeTemplates: Record<Axis, PromptTemplate>;
  summarySystem: string;
  casesPath: string;
  cases: EvalCase[];
  excluded: Array<{ case_id: string; reason: string }>;
  datasetHash: string;
  workers: number;
  key: BenchmarkKeyRecord;
  codeVersion: string;
  /** The run that already has this key and succeeded (skipped unless --force). */
  previous: string | undefined;
}

function parseWorkers(raw: string | undefined): number {
  if (raw === undefined) return Math.max(1, Math.min(4, availableParallelism()));
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new UsageError(`--workers must be an integer from 1 to 256, got "${raw}"`);
  return n;
}

async function candidatesOf(ctx: CommandContext, ids: readonly string[]): Promise<[Candidate, Candidate]> {
  if (ids.length !== 2) throw new UsageError(`give exactly two --candidate (got ${ids.length})`);
  const [idA = '', idB = ''] = ids;
  if (idA === idB) throw new UsageError(`the two --candidate are the same ("${idA}")`);
  const store = ctx.stores.evals.generation.candidates;
  const [a, b] = await Promise.all([store.get(idA), store.get(idB)]);
  const missing = [a ? undefined : idA, b ? undefined : idB].filter((x) => x !== undefined);
  if (!a || !b)
    throw new UsageError(
      `no candidate ${missing.map((m) => `"${m}"`).join(', ')} (radar eval generation candidates list)`,
    );
  for (const c of [a, b]) {
    if (c.task !== 'generation')
      throw new UsageError(`candidate "${c.id}" is a ${c.task} candidate, not generation`);
    checkModel(ctx.loaded.config, c.model, `candidate "${c.id}"`);
  }
  return [a, b];
}

function runtimeHash(
  p: Pick<ComparePreparation, 'a' | 'b' | 'judgeModel' | 'judgeTemplates' | 'summarySystem'>,
): string {
  const side = (c: Candidate) => ({
    id: c.id,
    model: c.model,
    promptHash: c.generationPromptHash,
    options: c.options,
  });
  return stableHash({
    a: side(p.a),
    b: side(p.b),
    judge: {
      model: p.judgeModel,
      prompts: Object.values(p.judgeTemplates).map((t) => t.hash),
      temperature: 0,
    },
    summarySystem: stableHash(p.summarySystem),
  });
}

async function previousRun(store: GenerationRunStore, hash: string): Promise<string | undefined> {
  const runs = await store.list(1000);
  const hit = runs.find((r) => r.ok && r.manifest.benchmarkKey?.hash === hash && isSuccessfulRun(r.manifest));
  return hit?.runId;
}

export async function prepareCompare(
  ctx: CommandContext,
  flags: CompareFlags,
  store: GenerationRunStore,
  promptsDir?: string,
): Promise<ComparePreparation> {
  const workers = parseWorkers(flags.workers);
  const [a, b] = await candidatesOf(ctx, flags.candidate);
  const judgeModel = judgeModelOf(ctx.loaded.config, flags.judgeModel);
  const [judgeTemplates, summary, loaded, exclusions, codeVersion] = await Promise.all([
    loadJudgeTemplates(promptsDir),
    loadPrompt('summarize', promptsDir),
    loadCaseSet(ctx.stateDir, ctx.cwd, flags.cases),
    ctx.stores.evals.generation.integrity.exclusions(),
    generationCodeVersion(),
  ]);
  const { runnable, excluded } = selectRunnable(loaded.cases, exclusions);
  if (runnable.length === 0)
    throw new UsageError(`--cases ${loaded.path}: no case left to run (${excluded.length} excluded)`);
  const hash = datasetHash(runnable);
  const base = { a, b, judgeModel, judgeTemplates, summarySystem: summary.system };
  const key = benchmarkKey({
    task: 'generation',
    datasetPath: loaded.path,
    datasetHash: hash,
    candidateId: `${a.id}+${b.id}`,
    runtimeOptionsHash: runtimeHash(base),
    evaluatorVersion: EVALUATOR_VERSION,
    codeVersion,
  });
  return {
    ...base,
    casesPath: loaded.path,
    cases: runnable,
    excluded,
    datasetHash: hash,
    workers,
    key,
    codeVersion,
    previous: await previousRun(store, key.hash),
  };
}
