/**
 * `npx tsx bench/ranking-cold-start.ts`: the lexical model's cold start (0 labels) on the proxy
 * users of bench/ranking.ts — each paper's best BM25 score against two or three seed phrases such
 * as a user would write in `ranking.seedInterests` (not the users' regexes), with the document
 * frequencies of the radar's vocabulary fitted on the whole corpus, as `radar rank` does. ROC-AUC
 * and precision@20 per test day on both temporal splits' test months, beside random scores
 * (BENCH_SEEDS draws, default 5). Env: RADAR_BENCH_ARXIV (data dir, default ../shared/data/arxiv).
 */
import { resolve } from 'node:path';
import { seedBm25Scores } from '../src/rank/lexical/seed-bm25.ts';
import { RADAR_TFIDF } from '../src/rank/lexical/text-rankers.ts';
import { createTfidfCounter } from '../src/rank/lexical/tfidf.ts';
import { rocAuc } from '../src/rank/metrics.ts';
import { createRandom, hashSeed } from '../src/rank/prng.ts';
import { loadCorpus } from './corpus.ts';
import {
  COLD_START_SEEDS,
  PROXY_USERS,
  paperText,
  precisionPerDay,
  proxySplits,
} from './ranking-protocol.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : 'n/a');

const dir = resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv');
const seeds = Number(process.env.BENCH_SEEDS ?? 5);
const corpus = loadCorpus(dir);
const counter = createTfidfCounter(RADAR_TFIDF);
for (const p of corpus) counter.add(paperText(p));
const vocabulary = counter.finish();
const df = new Map(vocabulary.terms.map((t, i) => [t, vocabulary.df[i] ?? 0]));
const bm25Corpus = { docCount: vocabulary.docCount, df: (t: string) => df.get(t) ?? 0 };
out(`corpus: ${corpus.length} papers from ${dir}; random: mean of ${seeds} draws`);
for (const user of PROXY_USERS)
  out(`  user ${user.name} seed interests: ${COLD_START_SEEDS[user.name].map((s) => `"${s}"`).join(', ')}`);

for (const split of proxySplits(corpus)) {
  out(`\n${split.name.replace(/train \S+, /, '')}`);
  out('| user | seed BM25 AUC | seed BM25 p@20/day | random AUC | random p@20/day |');
  out('|---|---|---|---|---|');
  const texts = split.test.map(paperText);
  for (const user of PROXY_USERS) {
    const truth = split.test.map((p) => (user.rule.test(paperText(p)) ? 1 : 0));
    const scores = seedBm25Scores(texts, COLD_START_SEEDS[user.name], bm25Corpus, RADAR_TFIDF);
    let randomAuc = 0;
    let randomP20 = 0;
    for (let s = 0; s < seeds; s++) {
      const random = createRandom(hashSeed('cold-start', split.name, user.name, s));
      const noise = Float64Array.from(texts, () => random());
      randomAuc += rocAuc(noise, truth) / seeds;
      randomP20 += precisionPerDay(split.test, noise, truth, 20) / seeds;
    }
    out(
      `| ${user.name} | ${f3(rocAuc(scores, truth))} | ${f3(precisionPerDay(split.test, scores, truth, 20))} | ${f3(randomAuc)} | ${f3(randomP20)} |`,
    );
  }
}
