/**
 * `npx tsx bench/tags.ts`: does the tag vocabulary stop synonyms piling up? Tags for N real
 * papers (../shared/data/arxiv, default 400 of 2026-05) are written the way LLMs write them:
 *   1. acronyms the abstract defines ("physics-informed neural networks (PINNs)"), in one of
 *      four spellings an LLM uses (acronym, expansion, Title Case, "Expansion (ACR)");
 *   2. keyphrases of the title (the extractive summarizer's titleKeyphrases);
 *   3. canned LLM-style topic tags with their usual spelling variants, for abstracts that
 *      mention the topic (hand-written list below), and the arXiv category topic.
 * The spelling is picked by a seeded hash per paper, so runs are reproducible. Then every
 * paper's tags go through the resolver (rules + hashing-embedding similarity with idf fitted
 * on the same abstracts; no LLM here, so the ambiguous band stays new and is only counted).
 * Prints distinct tags before/after, merges by rule, examples and a seeded sample of 50 merges.
 * Env: RADAR_BENCH_ARXIV (data dir), BENCH_N, BENCH_MERGE (0.9), BENCH_LOW (0.8).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { titleKeyphrases } from '../src/digest/extractive-summary.ts';
import { createHashingEmbedder } from '../src/embed/backends/hashing.ts';
import { silentLogger } from '../src/log/logger.ts';
import { cleanTag, normalizeTag } from '../src/tags/normalize.ts';
import { createTagResolver, type TagDecision } from '../src/tags/tag-resolver.ts';
import { createVocabulary } from '../src/tags/vocabulary.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const DATA = resolve(
  process.env.RADAR_BENCH_ARXIV ?? join(import.meta.dirname, '..', '..', 'shared', 'data', 'arxiv'),
);
const N = Number(process.env.BENCH_N ?? 400);
const MERGE = Number(process.env.BENCH_MERGE ?? 0.9);
const LOW = Number(process.env.BENCH_LOW ?? 0.8);

interface Row {
  id: string;
  title: string;
  abstract: string;
  categories: string[];
}

/** Topic → trigger in the abstract → spellings LLMs use for it. */
const CANNED: Array<[RegExp, string[]]> = [
  [
    /language models?/i,
    ['LLMs', 'large language models', 'Large Language Models', 'LLM', 'large-language-models'],
  ],
  [
    /retrieval/i,
    ['retrieval-augmented generation', 'RAG', 'Retrieval Augmented Generation', 'information retrieval'],
  ],
  [
    /reinforcement learning/i,
    ['reinforcement learning', 'RL', 'Reinforcement-Learning', 'deep reinforcement learning'],
  ],
  [/diffusion/i, ['diffusion models', 'Diffusion Model', 'denoising diffusion', 'diffusion-models']],
  [/agent/i, ['LLM agents', 'AI agents', 'agents', 'autonomous agents', 'Agentic AI', 'multi-agent systems']],
  [/benchmark/i, ['benchmarks', 'benchmark', 'Benchmarking', 'evaluation benchmark', 'LLM evaluation']],
  [
    /vision.language|multimodal/i,
    [
      'vision-language models',
      'VLMs',
      'multimodal LLMs',
      'Multimodal Large Language Models',
      'MLLMs',
      'multimodal learning',
    ],
  ],
  [/transformer/i, ['transformers', 'Transformer', 'transformer architecture', 'attention mechanism']],
  [
    /reasoning/i,
    [
      'reasoning',
      'LLM reasoning',
      'chain-of-thought',
      'CoT',
      'Chain of Thought reasoning',
      'mathematical reasoning',
    ],
  ],
  [/graph/i, ['graph neural networks', 'GNNs', 'GNN', 'graph learning', 'knowledge graphs']],
  [
    /fine-?tun/i,
    ['fine-tuning', 'finetuning', 'Fine Tuning', 'parameter-efficient fine-tuning', 'PEFT', 'LoRA'],
  ],
  [
    /quantiz|compress|pruning/i,
    ['quantization', 'model compression', 'Quantisation', 'post-training quantization', 'pruning'],
  ],
  [/federated/i, ['federated learning', 'Federated Learning', 'FL', 'privacy-preserving learning']],
  [/robot/i, ['robotics', 'robot learning', 'Robotic Manipulation', 'embodied AI']],
  [
    /safety|alignment|jailbreak/i,
    ['AI safety', 'alignment', 'LLM alignment', 'jailbreaks', 'jailbreak attacks', 'red teaming'],
  ],
  [/code|program/i, ['code generation', 'Code Generation', 'program synthesis', 'LLMs for code']],
  [/medical|clinical|health/i, ['medical AI', 'healthcare', 'clinical NLP', 'Medical Imaging']],
  [/speech|audio/i, ['speech recognition', 'ASR', 'automatic speech recognition', 'audio processing']],
  [/time series/i, ['time series forecasting', 'time-series forecasting', 'Time Series', 'forecasting']],
];
const CATEGORY: Record<string, string[]> = {
  'cs.CL': ['natural language processing', 'NLP', 'Natural-Language Processing'],
  'cs.LG': ['machine learning', 'Machine Learning', 'deep learning'],
  'cs.CV': ['computer vision', 'Computer Vision', 'image understanding'],
  'cs.AI': ['artificial intelligence', 'AI'],
  'cs.IR': ['information retrieval', 'recommender systems', 'Recommendation Systems'],
  'cs.RO': ['robotics', 'Robotics'],
};
const DEFINED = /\b((?:[A-Za-z][a-z-]+ ){1,4}[A-Za-z][a-z-]+) \(([A-Z][A-Za-z]{1,6}s?)\)/g;

function hash(text: string): number {
  let h = 2166136261;
  for (const c of text) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619);
  return h >>> 0;
}
const pick = <T>(items: readonly T[], key: string): T => items[hash(key) % items.length] as T;
const titleCase = (s: string): string => s.replace(/\b[a-z]/g, (c) => c.toUpperCase());

function loadRows(): Row[] {
  const text = readFileSync(join(DATA, '2026-05.jsonl'), 'utf8');
  const rows = text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l): Row => JSON.parse(l));
  return rows.filter((r) => r.categories.some((c) => c.startsWith('cs.'))).slice(0, N);
}

/** The tags an LLM would plausibly write for this paper (3–8). */
export function llmLikeTags(row: Row): string[] {
  const tags: string[] = [];
  for (const m of row.abstract.matchAll(DEFINED)) {
    const [, phrase = '', acronym = ''] = m;
    // An LLM tags the defined term, not the words before it: keep as many words as the acronym has letters.
    const letters = acronym.replace(/s$/, '').replace(/[a-z]/g, '').length || acronym.length;
    const lower = phrase.toLowerCase().split(' ').slice(-letters).join(' ');
    tags.push(
      pick([acronym, lower, titleCase(lower), `${titleCase(lower)} (${acronym})`], `${row.id}${acronym}`),
    );
  }
  for (const [trigger, spellings] of CANNED)
    if (trigger.test(row.abstract)) tags.push(pick(spellings, `${row.id}${trigger.source}`));
  tags.push(...titleKeyphrases(row.title).slice(0, 2));
  const category = CATEGORY[row.categories[0] ?? ''];
  if (category) tags.push(pick(category, row.id));
  return [...new Set(tags)].slice(0, 8);
}

function sample<T>(items: readonly T[], n: number, seed: number): T[] {
  const copy = [...items];
  let s = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, n);
}

async function main(): Promise<void> {
  const rows = loadRows();
  const perPaper = rows.map(llmLikeTags);
  const all = perPaper.flat();
  const embedder = createHashingEmbedder({ dims: 384 });
  embedder.fit(rows.map((r) => `${r.title} ${r.abstract}`));
  const vocabulary = createVocabulary();
  const resolver = createTagResolver(
    { vocabulary, embed: (t) => embedder.embed(t), logger: silentLogger() },
    { mergeThreshold: MERGE, ambiguousLow: LOW },
  );
  const decisions: TagDecision[] = [];
  for (const tags of perPaper) decisions.push(...(await resolver.resolve(tags)).decisions);
  const ambiguous = decisions.filter(
    (d) => d.via === 'new' && d.similarity !== undefined && d.similarity >= LOW,
  );
  const merges = decisions.filter((d) => d.via !== 'new' && d.canonical !== d.tag);
  const distinctRaw = new Set(all).size;
  const distinctClean = new Set(all.map(cleanTag)).size;
  out(
    `papers ${rows.length}, tags written ${all.length} (${(all.length / rows.length).toFixed(1)} per paper)`,
  );
  out(
    `distinct tags: raw strings ${distinctRaw}; lowercased/trimmed ${distinctClean}; normalized keys ${new Set(all.map(normalizeTag)).size}`,
  );
  out(
    `distinct tags after the vocabulary: ${vocabulary.names().length} (thresholds merge ${MERGE}, ambiguous ${LOW})`,
  );
  const canned = new Set([
    ...CANNED.flatMap(([, spellings]) => spellings),
    ...Object.values(CATEGORY).flat(),
  ]);
  const cannedUsed = [...new Set(all.filter((t) => canned.has(t)))];
  const cannedAfter = new Set(cannedUsed.map((t) => vocabulary.lookup(t)?.name ?? t));
  out(
    `synonym-prone topic tags (the canned spellings used): ${cannedUsed.length} distinct before → ${cannedAfter.size} after`,
  );
  const byVia = new Map<string, number>();
  for (const m of merges) byVia.set(m.via, (byVia.get(m.via) ?? 0) + 1);
  out(`merges ${merges.length}: ${[...byVia].map(([v, n]) => `${v} ${n}`).join(', ')}`);
  out(
    `ambiguous band (would go to the LLM, ${Math.ceil(ambiguous.length / 40)} batched calls): ${ambiguous.length}, kept new here`,
  );
  for (const d of sample(ambiguous, 10, 7)) out(`  ambiguous: "${d.tag}" (${d.similarity?.toFixed(3)})`);
  const pairs = [...new Map(merges.map((m) => [`${m.tag}\u0000${m.canonical}`, m])).values()];
  out(`distinct merge pairs (tag → canonical): ${pairs.length}`);
  out('sample of 50 distinct merge pairs (seeded) to check by hand:');
  sample(pairs, 50, 42).forEach((m, i) => {
    out(
      `  ${String(i + 1).padStart(2)}. ${m.via.padEnd(10)} "${m.tag}" → "${m.canonical}"${m.similarity !== undefined ? ` (${m.similarity.toFixed(3)})` : ''}`,
    );
  });
  const big = vocabulary
    .entries()
    .filter((e) => e.aliases.length >= 2)
    .slice(0, 15);
  out('tags with the most aliases:');
  for (const e of big.sort((a, b) => b.aliases.length - a.aliases.length))
    out(`  ${e.name}: ${e.aliases.join(' | ')}`);
}

await main();
