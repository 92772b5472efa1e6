/** The bench corpus: the real arXiv abstracts in ../shared/data/arxiv, a proxy user, and a 100k text mix. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { createRandom, sampleIndices } from '../src/rank/prng.ts';

const Row = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  categories: z.array(z.string()),
  published: z.string(),
});
export type CorpusPaper = z.infer<typeof Row>;

export function loadCorpus(dir: string): CorpusPaper[] {
  const papers: CorpusPaper[] = [];
  for (const name of readdirSync(dir)
    .filter((n) => n.endsWith('.jsonl'))
    .sort()) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const parsed = Row.safeParse(JSON.parse(line));
      if (parsed.success) papers.push(parsed.data);
    }
  }
  const unique = new Map(papers.map((p) => [p.id, p]));
  return [...unique.values()].sort(
    (a, b) => a.published.localeCompare(b.published) || a.id.localeCompare(b.id),
  );
}

export const textOf = (p: { title: string; abstract: string }): string => `${p.title}. ${p.abstract}`;

/**
 * The proxy user likes retrieval work: a paper is positive when its title or abstract mentions
 * retriev*, RAG or rerank* (about 10% of the corpus).
 */
export const PROXY_RULE = /retriev|\bRAG\b|rerank/i;
export const proxyLikes = (p: CorpusPaper): boolean => PROXY_RULE.test(textOf(p));

/** `count` papers the proxy user labels, sampled uniformly (seeded); each label's time is the paper's publication. */
export function proxyLabels(
  papers: readonly CorpusPaper[],
  count: number,
  seed: number,
): { id: string; label: 1 | -1; at: string }[] {
  return sampleIndices(papers.length, count, createRandom(seed)).map((i) => {
    const p = papers[i] as CorpusPaper;
    return { id: p.id, label: proxyLikes(p) ? 1 : -1, at: p.published };
  });
}

export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.length > 0);
}

/** The first half of `a`'s sentences followed by the second half of `b`'s. */
export function mixSentences(a: readonly string[], b: readonly string[]): string {
  return [...a.slice(0, Math.ceil(a.length / 2)), ...b.slice(Math.ceil(b.length / 2))].join(' ');
}

/**
 * `count` synthetic abstracts, each the first half of one real abstract's sentences followed by
 * the second half of another's: real vocabulary and topic structure, no planted duplicates.
 */
export function mixedTexts(papers: readonly CorpusPaper[], count: number, seed: number): string[] {
  const random = createRandom(seed);
  const split = papers.map((p) => sentences(textOf(p)));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const a = split[Math.floor(random() * split.length)] ?? [];
    const b = split[Math.floor(random() * split.length)] ?? [];
    out.push(mixSentences(a, b));
  }
  return out;
}
