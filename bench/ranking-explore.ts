/**
 * `npx tsx bench/ranking-explore.ts`: does exploration pay? A proxy user (A, B, C of the ranking
 * protocol) starts with 5 % noisy labels of April, then for each June day the radar's lexical model
 * (retrained daily) picks 10 of that day's papers with a given explore share; the user labels the
 * picks (10 % flipped) and the model retrains. Reports pick precision over the 30 days and the
 * final model's ROC-AUC on July, with and without exploration (BENCH_SEEDS seeds, default 2).
 */
import { resolve } from 'node:path';
import { createLexicalRanker, RADAR_TFIDF } from '../src/rank/lexical/text-rankers.ts';
import { fitTfidf } from '../src/rank/lexical/tfidf.ts';
import { rocAuc } from '../src/rank/metrics.ts';
import { createRandom, hashSeed } from '../src/rank/prng.ts';
import { samplePicks } from '../src/rank/sampling.ts';
import { loadCorpus } from './corpus.ts';
import { drawLabels, PROXY_USERS, paperText } from './ranking-protocol.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const corpus = loadCorpus(resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv'));
const seeds = Number(process.env.BENCH_SEEDS ?? 2);
const texts = corpus.map(paperText);
const ranker = createLexicalRanker({ vocabulary: fitTfidf(texts, RADAR_TFIDF), seed: 7 });
const month = (m: string) => corpus.filter((p) => p.published.startsWith(m));
const april = month('2026-04');
const june = month('2026-06');
const july = month('2026-07');
const days = [...new Set(june.map((p) => p.published.slice(0, 10)))].sort();

function simulate(rule: RegExp, share: number, seed: number): { precision: number; auc: number } {
  const start = drawLabels(april, rule, hashSeed('explore', seed));
  const labeled = start.indices.map((i, k) => ({
    text: paperText(april[i] ?? { title: '', abstract: '' }),
    y: start.y[k] ?? 0,
  }));
  const random = createRandom(hashSeed('flip', seed));
  let hits = 0;
  let shown = 0;
  for (const day of days) {
    const today = june.filter((p) => p.published.startsWith(day));
    const trained = ranker.train(
      labeled.map((l) => l.text),
      Uint8Array.from(labeled, (l) => l.y),
    );
    const scores = trained.score(today.map(paperText));
    const picks = samplePicks(
      today.map((p, i) => ({ id: p.id, score: scores[i] ?? 0 })),
      { model: 'tfidf', count: 10, exploreShare: share, seed: hashSeed(seed, day), uncertainCenter: 0 },
    );
    const byId = new Map(today.map((p) => [p.id, p]));
    for (const pick of picks) {
      const liked = rule.test(paperText(byId.get(pick.id) ?? { title: '', abstract: '' }));
      hits += liked ? 1 : 0;
      shown += 1;
      const y = random() < 0.1 ? !liked : liked;
      labeled.push({ text: paperText(byId.get(pick.id) ?? { title: '', abstract: '' }), y: y ? 1 : 0 });
    }
  }
  const final = ranker.train(
    labeled.map((l) => l.text),
    Uint8Array.from(labeled, (l) => l.y),
  );
  const auc = rocAuc(
    final.score(july.map(paperText)),
    july.map((p) => (rule.test(paperText(p)) ? 1 : 0)),
  );
  return { precision: hits / Math.max(1, shown), auc };
}

out(`${days.length} June days, 10 picks a day, ${seeds} seeds; start: 5 % noisy labels of April`);
out('| user | explore share | pick precision | July ROC-AUC after 30 days |');
out('|---|---|---|---|');
for (const user of PROXY_USERS)
  for (const share of [0, 0.2]) {
    let p = 0;
    let a = 0;
    for (let s = 0; s < seeds; s++) {
      const r = simulate(user.rule, share, s);
      p += r.precision;
      a += r.auc;
    }
    out(`| ${user.name} | ${share} | ${(p / seeds).toFixed(3)} | ${(a / seeds).toFixed(3)} |`);
  }
