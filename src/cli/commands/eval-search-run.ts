/**
 * `radar eval search run --version V [--bank B] [--beir DIR] [--category C] [--difficulty D]
 * [--workers N] [--k K] [--min-score S]`: runs a search version over the bank and writes the run
 * under state/evals/search/runs/. Exit 1 when the overall score is below --min-score (the CI gate).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { systemClock } from '../../core/clock.ts';
import { UsageError } from '../../core/errors.ts';
import { newEvalRunId } from '../../evals/run-layout/paths.ts';
import { runBank } from '../../evals/search/run-bank.ts';
import { configuredVersions, findVersion, type SearchVersion } from '../../search/search-version.ts';
import { writeRunFile } from '../../store/eval-search-trec-files.ts';
import type { Out } from '../action.ts';
import type { CommandContext } from '../context.ts';
import { engineFor } from './eval-search-engine.ts';

export interface RunFlags {
  version?: string;
  bank?: string;
  beir?: string;
  category?: string;
  difficulty?: string;
  workers?: string;
  k?: string;
  minScore?: string;
  runOut?: string;
}

function numberFlag(raw: string | undefined, flag: string, integer: boolean, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || (integer && (!Number.isInteger(value) || value < 1)))
    throw new UsageError(`${flag} takes ${integer ? 'a whole number ≥ 1' : 'a number'}, got "${raw}"`);
  return value;
}

function gitCommit(cwd: string): string | undefined {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return undefined;
  }
}

/** Where a run writes its TREC run file unless --run-out says otherwise. */
export function runFilePath(runDir: string): string {
  return join(runDir, 'artifacts', 'run.trec');
}

export async function runEvalSearchRun(ctx: CommandContext, flags: RunFlags, out: Out): Promise<number> {
  if (flags.version === undefined) throw new UsageError('--version V is required');
  const { versions, bank: banks, runs: store } = ctx.stores.evals.search;
  const registered = await versions.find(flags.version);
  if (registered?.active === false) throw new UsageError(`search version ${flags.version} is deactivated`);
  const version: SearchVersion =
    registered === undefined
      ? findVersion(flags.version, configuredVersions(ctx.loaded.config.search.versions))
      : { name: registered.code, algorithm: registered.algorithm, parameters: registered.parameters };
  const minScore =
    flags.minScore === undefined ? undefined : numberFlag(flags.minScore, '--min-score', false, 0);
  const workers = numberFlag(flags.workers, '--workers', true, 4);
  const k = numberFlag(flags.k, '--k', true, 10);
  const bank = await banks.read(flags.bank);
  const cases = bank.cases.filter(
    (c) =>
      c.active &&
      (flags.category === undefined || c.category === flags.category) &&
      (flags.difficulty === undefined || c.difficulty === flags.difficulty),
  );
  if (cases.length === 0) throw new UsageError(`no active case of bank ${bank.hash} matches the filters`);
  const engine = await engineFor(ctx, version, flags.beir);
  const commit = gitCommit(ctx.cwd);
  const runId = newEvalRunId(new Date(), 'search');
  const runFile = flags.runOut ?? runFilePath(store.paths(runId).dir);
  const manifest = await runBank(
    { engine, store, clock: systemClock, writeRunFile: (lines) => writeRunFile(runFile, runId, lines) },
    {
      runId,
      cases,
      codeVersion: commit ?? 'unknown',
      metrics: ctx.loaded.config.evals.search.metrics,
      speedMaxMs: ctx.loaded.config.evals.search.speedMaxMs,
      options: {
        version: version.name,
        algorithm: version.algorithm,
        parameters: JSON.parse(JSON.stringify(version.parameters ?? {})),
        bankHash: bank.hash,
        k,
        workers,
        environment: { node: process.version, platform: process.platform },
        ...(flags.category === undefined ? {} : { category: flags.category }),
        ...(flags.difficulty === undefined ? {} : { difficulty: flags.difficulty }),
        ...(minScore === undefined ? {} : { minScore }),
        ...(commit === undefined ? {} : { gitCommit: commit }),
      },
    },
  );
  const m = manifest.metrics;
  if (registered !== undefined)
    await versions.update(registered.code, (v) => ({
      ...v,
      latest: {
        precision: m.means?.precision ?? 0,
        recall: m.means?.recall ?? 0,
        f1: m.means?.f1 ?? 0,
        latency_ms: m.latencyP50 ?? 0,
        total_runs: (v.latest?.total_runs ?? 0) + 1,
        run_id: manifest.runId,
      },
    }));
  out(
    `run ${manifest.runId}: ${version.name} on bank ${bank.hash}, ${cases.length} cases, ${((manifest.durationMs ?? 0) / 1000).toFixed(1)} s`,
  );
  out(
    `overall ${m.overall?.toFixed(2)}  P@${k} ${m.means?.precision.toFixed(4)}  R@${k} ${m.means?.recall.toFixed(4)}  F1@${k} ${m.means?.f1.toFixed(4)}  nDCG@5 ${m.means?.ndcg5.toFixed(4)}  MRR ${m.means?.rr.toFixed(4)}  MAP ${m.means?.ap.toFixed(4)}`,
  );
  out(`TREC run file: ${runFile}`);
  out(
    `pass rate ${((m.passRate ?? 0) * 100).toFixed(1)} %  latency p50 ${m.latencyP50?.toFixed(1)} ms  p95 ${m.latencyP95?.toFixed(1)} ms`,
  );
  if (m.gatePassed === false) {
    out(`gate FAILED: overall ${m.overall?.toFixed(2)} < --min-score ${minScore}`);
    return 1;
  }
  if (m.gatePassed === true) out(`gate passed: overall ${m.overall?.toFixed(2)} ≥ ${minScore}`);
  return 0;
}
