/**
 * `radar rank [--date D] [--days N] [--eval [--json]]`: score the papers not ranked yet per ranking
 * model, sample and record the picks, print them; `--eval` first compares each model with the
 * built-in arxiv-sanity baseline on the user's labels (`--json`: the whole comparison as JSON).
 */
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { dayFlag } from '../../core/iso-day.ts';
import { createEmbedder } from '../../embed/embedder.ts';
import { createFullGc } from '../../pipeline/full-gc.ts';
import type { Comparison } from '../../rank/compare-models.ts';
import type { Evaluation } from '../../rank/evaluate.ts';
import { type RankResult, rankPapers } from '../../rank/rank-papers.ts';
import { storedIndexOpener } from '../../rank/stored-index.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface RankFlags {
  date?: string;
  days?: string;
  eval?: boolean;
  json?: boolean;
}

function parseFlags(flags: RankFlags): { date?: string; windowDays?: number; evaluate: boolean } {
  if (flags.date !== undefined) dayFlag('--date', flags.date);
  const days = flags.days === undefined ? undefined : Number(flags.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1))
    throw new UsageError(`--days must be a positive integer, got "${flags.days}"`);
  if (flags.json === true && flags.eval !== true) throw new UsageError('--json goes with --eval');
  return {
    ...(flags.date ? { date: flags.date } : {}),
    ...(days ? { windowDays: days } : {}),
    evaluate: flags.eval === true,
  };
}

const fixed = (value: number | undefined, digits = 3): string =>
  value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);

export function formatEvaluation(model: string, evaluation: Evaluation | undefined): string[] {
  if (!evaluation) return [`${model}: too few labels to evaluate (need 2 of each class)`];
  const { temporal: t, kfold: f } = evaluation;
  return [
    `${model}: temporal split (train ${t.train} older, test ${t.test} newer labels): ROC-AUC ${fixed(t.auc)}, precision@${t.k} ${fixed(t.precisionAtK)}`,
    `${model}: stratified ${f.folds}-fold over ${f.train} labels: ROC-AUC ${fixed(f.auc)}, precision@${f.k} ${fixed(f.precisionAtK)}`,
  ];
}

export function formatComparison(model: string, comparison: Comparison | undefined): string[] {
  if (!comparison) return [`${model}: too few labels to evaluate (need 2 of each class)`];
  const { train, test } = comparison.split;
  const lines = [
    `temporal split: train ${train.length} older, test ${test.length} newer labels; stratified ${comparison.folds}-fold over ${train.length + test.length} labels`,
  ];
  for (const m of comparison.models)
    lines.push(
      `  ${m.model.padEnd(13)} temporal ROC-AUC ${fixed(m.temporal.auc)}, precision@${comparison.k} per day ${fixed(m.temporal.precisionAtK)}; k-fold ROC-AUC ${fixed(m.kfold.auc)}, precision@${comparison.k} ${fixed(m.kfold.precisionAtK)}`,
    );
  lines.push(`verdict: ${comparison.verdict}`);
  return lines;
}

/** The comparison as JSON: the split (ids and labels) and every model's score for every test paper. */
export function comparisonJson(result: RankResult): unknown {
  return {
    date: result.date,
    models: result.models.map((m) => ({
      model: m.model,
      labels: m.labels,
      ...(m.comparison
        ? {
            k: m.comparison.k,
            folds: m.comparison.folds,
            verdict: m.comparison.verdict,
            split: m.comparison.split,
            models: m.comparison.models.map((c) => ({
              model: c.model,
              temporal: c.temporal,
              kfold: c.kfold,
              scores: Object.fromEntries(
                m.comparison?.split.test.map((t, i) => [t.id, c.testScores[i]]) ?? [],
              ),
            })),
          }
        : {}),
      ...(m.evaluation ? { evaluation: m.evaluation } : {}),
      picks: m.picks,
    })),
  };
}

export function formatPicks(result: RankResult, titles: ReadonlyMap<string, string>, width = 100): string[] {
  const lines: string[] = [];
  for (const m of result.models) {
    lines.push(
      `${result.date} ${m.model} (${m.mode}; ${m.labels.positives}+/${m.labels.negatives}- labels; ${m.candidates} candidates, ${m.duplicates} near-duplicates dropped)`,
    );
    if (m.picks.length === 0) lines.push('  no new papers to pick');
    const titleWidth = Math.max(10, width - 31);
    for (const p of m.picks) {
      const title = titles.get(p.id) ?? '';
      const cut = title.length > titleWidth ? `${title.slice(0, titleWidth - 1)}…` : title;
      lines.push(`  ${p.id.padEnd(11)} ${p.score.toFixed(3).padStart(6)}  ${p.reason.padEnd(7)}  ${cut}`);
    }
  }
  return lines;
}

export async function runRank(
  ctx: CommandContext,
  flags: RankFlags,
  out: (line: string) => void,
  width = process.stdout.columns ?? 100,
): Promise<number> {
  const options = parseFlags(flags);
  const { config } = ctx.loaded;
  const result = await withStateLock(ctx, 'rank', () =>
    rankPapers(
      {
        stores: ctx.stores,
        openIndex: storedIndexOpener(ctx.stateDir, ctx.stores, ctx.logger, createFullGc()),
        config,
        logger: ctx.logger,
        embedderFor: async (model) => {
          const modelConfig = config.embedding.models[model];
          if (!modelConfig)
            throw new UsageError(`embedding.active names "${model}", which embedding.models does not define`);
          const embedder = await createEmbedder(model, modelConfig, {
            env: ctx.env,
            logger: ctx.logger,
            modelsDir: join(ctx.cwd, 'models'),
            stateDir: ctx.stateDir,
          });
          if (embedder.corpusFit && !(await embedder.corpusFit.load()))
            ctx.logger.warn({ model }, 'model state not fitted yet: seed interests embedded without it');
          return (texts) => embedder.embed(texts);
        },
      },
      options,
    ),
  );
  if (flags.json === true) {
    out(
      JSON.stringify(
        comparisonJson(result),
        (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v),
        2,
      ),
    );
    return 0;
  }
  if (options.evaluate)
    for (const m of result.models) {
      const lines =
        m.comparison || m.model === 'tfidf'
          ? formatComparison(m.model, m.comparison)
          : formatEvaluation(m.model, m.evaluation);
      for (const line of lines) out(line);
    }
  const titles = await ctx.stores.papers.get(result.models.flatMap((m) => m.picks.map((p) => p.id)));
  for (const line of formatPicks(result, new Map([...titles].map(([id, p]) => [id, p.title])), width))
    out(line);
  return 0;
}
