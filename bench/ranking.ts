/**
 * `npx tsx bench/ranking.ts`: the radar's ranking model against the arxiv-sanity baseline on the
 * issue's protocol — real papers, three proxy users (regexes over title + abstract), labels on a
 * random 5 % of the training papers with 10 % flipped, two temporal splits (train April–June /
 * test July; train April–May / test each day of June), averaged over BENCH_SEEDS label draws
 * (default 5). Env: RADAR_BENCH_ARXIV (data dir, default ../shared/data/arxiv).
 */
import { resolve } from 'node:path';
import {
  BASELINE_TFIDF,
  createBaselineRanker,
  createEnsembleRanker,
  createLexicalRanker,
  RADAR_TFIDF,
  type TextRanker,
} from '../src/rank/lexical/text-rankers.ts';
import { fitTfidf } from '../src/rank/lexical/tfidf.ts';
import { loadCorpus } from './corpus.ts';
import { PROXY_USERS, type ProtocolRow, paperText, proxySplits, runProtocol } from './ranking-protocol.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');

function table(rows: readonly ProtocolRow[], models: readonly string[]): void {
  for (const split of [...new Set(rows.map((r) => r.split))]) {
    out(`\n${split}`);
    out(
      `| model | ${PROXY_USERS.map((u) => `${u.name} AUC | ${u.name} p@20/day`).join(' | ')} | mean AUC | mean p@20 |`,
    );
    out(`|---|${PROXY_USERS.map(() => '---|---|').join('')}---|---|`);
    for (const model of models) {
      const cells = PROXY_USERS.map((u) =>
        rows.find((r) => r.split === split && r.user === u.name && r.model === model),
      );
      const aucs = cells.map((c) => c?.auc ?? Number.NaN);
      const p20 = cells.map((c) => c?.precisionAt20 ?? Number.NaN);
      const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
      out(
        `| ${model} | ${cells.map((c) => `${f3(c?.auc ?? Number.NaN)} | ${f3(c?.precisionAt20 ?? Number.NaN)}`).join(' | ')} | ${f3(mean(aucs))} | ${f3(mean(p20))} |`,
      );
    }
  }
}

async function main(): Promise<void> {
  const dir = resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv');
  const seeds = Number(process.env.BENCH_SEEDS ?? 5);
  const corpus = loadCorpus(dir);
  out(
    `corpus: ${corpus.length} papers from ${dir}; ${seeds} seeds of the label sampling (5 % of training papers, 10 % flipped)`,
  );
  const cpu = process.cpuUsage();
  const texts = corpus.map(paperText);
  const rankers: TextRanker[] = [createBaselineRanker(texts)];
  const radarVocabulary = fitTfidf(texts, RADAR_TFIDF);
  out(`radar vocabulary: ${radarVocabulary.terms.length} terms`);
  rankers.push(createLexicalRanker({ vocabulary: radarVocabulary, seed: 7 }));
  if (process.env.BENCH_VARIANTS) {
    const plainOptions = { ...BASELINE_TFIDF };
    const plain = createLexicalRanker({
      vocabulary: fitTfidf(texts, plainOptions),
      tfidf: plainOptions,
      seed: 7,
    });
    const radar = rankers[1] as TextRanker;
    rankers.push(createEnsembleRanker('ensemble-stem+plain', [radar, plain]));
    const stemCapped = { ...RADAR_TFIDF, maxFeatures: 20_000 };
    rankers.push({
      ...createLexicalRanker({ vocabulary: fitTfidf(texts, stemCapped), tfidf: stemCapped, seed: 7 }),
      name: 'stem-20k',
    });
  }
  const result = runProtocol(rankers, proxySplits(corpus), { seeds, log: out });
  const used = process.cpuUsage(cpu);
  table(result.rows, result.models);
  out(`\nCPU ${((used.user + used.system) / 1e6).toFixed(1)} s (machine shared: wall time inflated)`);
}

await main();
