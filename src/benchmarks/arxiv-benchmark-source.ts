/**
 * Benchmark candidates from the papers the papers pipeline collected: rules over title and
 * abstract find papers that introduce a benchmark or dataset, then the LLM confirms (batched, rule
 * hits only) and names the benchmark, its task and modality. Without an LLM the rule hits stand.
 * Verdicts are cached by paper id + version: a paper is asked about once, not on every run.
 */
import { z } from 'zod';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import type { Paper } from '../store/schemas.ts';
import type { BenchmarkSource, SourceCollection } from './benchmark-source.ts';
import {
  type BenchmarkCandidate,
  candidateId,
  extractUrls,
  guessMetrics,
  guessModality,
  normalizeUrl,
} from './candidate.ts';

// The gap may not pass words that turn the noun into something used ("… evaluate it on standard benchmarks").
const INTRO =
  /\b(we|this (paper|work)|here,? we)\s+(introduce|present|propose|release|construct|build|curate|develop)\b(?:(?!\b(?:on|across|using|over|against|evaluat\w*|achiev\w*|outperform\w*)\b)[^.]){0,160}?\b(benchmark|dataset|suite|leaderboard|testbed|evaluation (set|framework))s?\b/i;
const TITLE_WORD = /bench\b|\bbenchmark|\bleaderboard|\bdataset\b|\btestbed\b/i;

/** The rule: an introducing sentence, or a benchmark-ish title with evaluation wording. */
export function introducesBenchmark(paper: Pick<Paper, 'title' | 'abstract'>): boolean {
  return (
    INTRO.test(paper.abstract) ||
    (TITLE_WORD.test(paper.title) && /benchmark|dataset|evaluat/i.test(paper.abstract))
  );
}

/** "PaveBench: A Benchmark for …" → "PaveBench"; else the capitalized name after "introduce". */
export function benchmarkName(paper: Pick<Paper, 'title' | 'abstract'>): string {
  const prefix = /^([^:]{2,40}):/.exec(paper.title)?.[1]?.trim();
  if (prefix && prefix.split(/\s+/).length <= 4) return prefix;
  const named = /\b(?:introduce|present|propose|release)\s+(?:a |an |the )?([A-Z][\w-]*[A-Z0-9][\w-]*)/.exec(
    paper.abstract,
  );
  return named?.[1] ?? '';
}

export const ArxivVerdicts = z.object({
  verdicts: z.array(
    z.object({
      id: z.string(),
      introducesBenchmark: z.boolean(),
      name: z.string(),
      task: z.string(),
      modality: z.string(),
    }),
  ),
});
type Verdict = z.infer<typeof ArxivVerdicts>['verdicts'][number];

/** A stored verdict: asked once per paper version, whatever later runs find. */
export const VerdictRecord = z.object({
  id: z.string(),
  version: z.int().min(1),
  verdict: z.object({
    id: z.string(),
    introducesBenchmark: z.boolean(),
    name: z.string(),
    task: z.string(),
    modality: z.string(),
  }),
  at: z.iso.datetime({ offset: true }),
});
export type VerdictRecord = z.infer<typeof VerdictRecord>;

export interface VerdictCache {
  read(): Promise<VerdictRecord[]>;
  /** Adds or replaces rows by paper id. */
  write(rows: readonly VerdictRecord[]): Promise<void>;
}

export function paperCandidate(paper: Paper, verdict: Verdict | undefined, now: Date): BenchmarkCandidate {
  const text = `${paper.abstract} ${paper.comment ?? ''}`;
  const task = verdict?.task.trim() ? [verdict.task.trim().toLowerCase()] : [];
  const modality = verdict?.modality.trim() ? [verdict.modality.trim().toLowerCase()] : guessModality(text);
  return {
    id: candidateId('arxiv', paper.absUrl),
    source: 'arxiv',
    url: paper.absUrl,
    name: verdict?.name.trim() || benchmarkName(paper),
    title: paper.title,
    description: paper.abstract.slice(0, 2000),
    task,
    modality,
    metrics: guessMetrics(paper.abstract),
    size: null,
    license: null,
    createdAt: paper.published,
    updatedAt: paper.updated,
    firstSeenAt: now.toISOString(),
    popularity: {},
    links: [...new Set([normalizeUrl(paper.absUrl), ...extractUrls(text)])],
    keywords: [...new Set([...task, ...paper.categories.map((c) => c.toLowerCase())])],
  };
}

function verdictPrompt(papers: readonly Paper[]): string {
  const items = papers
    .map((p) => `id: ${p.id}\ntitle: ${p.title}\nabstract: ${p.abstract.slice(0, 1500)}`)
    .join('\n\n');
  return `For each paper below, decide whether it introduces a new benchmark, evaluation dataset, suite or leaderboard (not merely uses one). Give the benchmark's short name, its main task (a few words) and modality (text, code, image, video, audio, multimodal…); empty strings when it introduces none. Answer one verdict per paper id.\n\n${items}`;
}

export interface ArxivBenchmarkSourceDeps {
  papers: { readAll(): Promise<Paper[]> };
  llm: LlmClient | undefined;
  /** Verdicts by paper id + version; without it every run asks again. */
  verdicts?: VerdictCache;
  logger: Logger;
  now?: () => Date;
}

export interface ArxivBenchmarkSourceOptions {
  since: Date;
  batchSize?: number;
}

export function createArxivBenchmarkSource(
  deps: ArxivBenchmarkSourceDeps,
  options: ArxivBenchmarkSourceOptions,
): BenchmarkSource {
  const log = deps.logger.child({ module: 'arxiv-benchmarks' });
  const llm = deps.llm?.available('benchmarks') ? deps.llm : undefined;

  async function judge(
    batch: readonly Paper[],
    counts: Record<string, number>,
  ): Promise<Map<string, Verdict> | undefined> {
    if (!llm) return undefined;
    const result = await llm.structured({
      purpose: 'benchmarks',
      schema: ArxivVerdicts,
      schemaName: 'benchmark_verdicts',
      messages: [{ role: 'user', content: verdictPrompt(batch) }],
      temperature: 0,
    });
    counts.llmCalls = (counts.llmCalls ?? 0) + 1;
    if (!result.ok) {
      counts.llmFailed = (counts.llmFailed ?? 0) + 1;
      log.warn(
        { error: result.error.message },
        'benchmark verdicts failed; keeping the rule hits of this batch',
      );
      return undefined;
    }
    return new Map(result.value.verdicts.map((v) => [v.id, v]));
  }

  async function verdictsFor(
    hits: readonly Paper[],
    counts: Record<string, number>,
    now: Date,
  ): Promise<Map<string, Verdict>> {
    const cached = new Map(
      ((await deps.verdicts?.read()) ?? []).map((r): [string, VerdictRecord] => [r.id, r]),
    );
    const known = new Map<string, Verdict>();
    const todo = hits.filter((p) => {
      const hit = cached.get(p.id);
      if (hit && hit.version === p.version) known.set(p.id, hit.verdict);
      return !(hit && hit.version === p.version);
    });
    counts.verdictsCached = known.size;
    if (!llm) return known;
    const size = options.batchSize ?? 8;
    const fresh: VerdictRecord[] = [];
    for (let i = 0; i < todo.length; i += size) {
      const batch = todo.slice(i, i + size);
      const verdicts = await judge(batch, counts);
      for (const paper of batch) {
        const verdict = verdicts?.get(paper.id);
        if (!verdict) continue;
        known.set(paper.id, verdict);
        fresh.push({ id: paper.id, version: paper.version, verdict, at: now.toISOString() });
      }
      // A failed batch keeps its rule hits this run, unjudged and not cached.
      for (const paper of verdicts ? [] : batch) unjudged.add(paper.id);
    }
    if (fresh.length > 0) await deps.verdicts?.write(fresh);
    return known;
  }

  const unjudged = new Set<string>();

  return {
    name: 'arxiv',
    async collect(): Promise<SourceCollection> {
      const now = (deps.now ?? (() => new Date()))();
      const recent = (await deps.papers.readAll()).filter(
        (p) => Date.parse(p.published) >= options.since.getTime(),
      );
      const hits = recent.filter(introducesBenchmark);
      const counts: Record<string, number> = {
        papers: recent.length,
        ruleHits: hits.length,
        llmCalls: 0,
        llmFailed: 0,
        rejected: 0,
      };
      unjudged.clear();
      const verdicts = await verdictsFor(hits, counts, now);
      const candidates: BenchmarkCandidate[] = [];
      for (const paper of hits) {
        const verdict = verdicts.get(paper.id);
        // Rejected: judged not a benchmark, or left out of an answered batch. Kept: rule hits never judged.
        const asked = llm !== undefined && !unjudged.has(paper.id);
        if ((verdict !== undefined || asked) && verdict?.introducesBenchmark !== true) {
          counts.rejected = (counts.rejected ?? 0) + 1;
          continue;
        }
        candidates.push(paperCandidate(paper, verdict, now));
      }
      counts.candidates = candidates.length;
      return { candidates, counts };
    },
  };
}
