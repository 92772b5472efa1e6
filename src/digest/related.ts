/**
 * Related papers: for each new summary, its nearest summarized papers by embedding (an HNSW
 * index over the summarized papers' vectors), then ONE LLM call per paper that classifies the
 * relation to the top few only. Never all pairs; without an LLM nothing is stored (relations are
 * never invented from similarity alone).
 */
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import { errorMessage } from '../core/errors.ts';
import type { StoredSummary } from '../core/summary.ts';
import { createVectorIndex, type Neighbor, type VectorIndex } from '../index/vector-index.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import { rowIndex, rowOf, selectRows, type VectorMatrix } from '../rank/vector-matrix.ts';
import type { LinksStore } from '../store/links-store.ts';
import type { Paper, PaperLink } from '../store/schemas.ts';
import { type PromptTemplate, renderPrompt } from './prompt-template.ts';

export const RELATED_PURPOSE = 'related';
export const RELATIONS = ['extends', 'compares-with', 'same-task', 'uses-method', 'none'] as const;

export const RelationAnswer = z.object({
  relations: z.array(z.object({ index: z.int(), relation: z.enum(RELATIONS), reason: z.string() })),
});

export interface RelatedDeps {
  summaries: { readAll(): Promise<StoredSummary[]> };
  papers: { get(ids: readonly string[]): Promise<Map<string, Paper>> };
  links: LinksStore;
  llm: LlmClient;
  prompt: PromptTemplate;
  /** Every vector of the first active embedding model. */
  loadVectors: () => Promise<VectorMatrix>;
  logger: Logger;
  clock: Clock;
}

export interface RelatedOptions {
  /** Neighbours searched per paper. */
  k?: number;
  /** Of those, how many the LLM classifies. */
  classify?: number;
  concurrency?: number;
  onItemFailed?: (id: string, error: string) => void;
}

export interface RelatedResult {
  papers: number;
  links: number;
  llmCalls: number;
  failed: Array<{ id: string; error: string }>;
  /** Why nothing was done, when nothing was. */
  skippedReason?: string;
}

function describe(id: string, papers: Map<string, Paper>, summaries: Map<string, StoredSummary>): string {
  const s = summaries.get(id);
  return `[${id}] ${papers.get(id)?.title ?? ''} — ${s?.one_sentence_summary ?? ''} Method: ${s?.method.slice(0, 400) ?? ''}`;
}

function indexOver(matrix: VectorMatrix, ids: ReadonlySet<string>): VectorIndex | undefined {
  const rows = matrix.ids.flatMap((id, row) => (ids.has(id) ? [row] : []));
  if (rows.length < 2) return undefined;
  const index = createVectorIndex(matrix.dims, undefined, rows.length);
  index.add(selectRows(matrix, rows));
  return index;
}

interface Job {
  id: string;
  neighbors: Neighbor[];
}

async function classify(
  deps: RelatedDeps,
  job: Job,
  context: { papers: Map<string, Paper>; summaries: Map<string, StoredSummary> },
): Promise<PaperLink[]> {
  const self = context.summaries.get(job.id);
  const messages = renderPrompt(deps.prompt, {
    id: job.id,
    title: context.papers.get(job.id)?.title ?? '',
    summary: `${self?.one_sentence_summary ?? ''}\nMethod: ${self?.method ?? ''}`,
    candidates: job.neighbors
      .map((n, i) => `${i}. ${describe(n.id, context.papers, context.summaries)}`)
      .join('\n'),
  });
  const result = await deps.llm.structured({
    purpose: RELATED_PURPOSE,
    schema: RelationAnswer,
    schemaName: 'paper_relations',
    messages,
  });
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  const at = deps.clock.now().toISOString();
  const seen = new Set<string>();
  return result.value.relations.flatMap((r): PaperLink[] => {
    const neighbor = job.neighbors[r.index];
    if (!neighbor || seen.has(neighbor.id)) return [];
    seen.add(neighbor.id);
    return [
      {
        from: job.id,
        to: neighbor.id,
        relation: r.relation,
        similarity: Number(neighbor.similarity.toFixed(4)),
        reason: r.reason.replace(/\s+/g, ' ').trim(),
        at,
      },
    ];
  });
}

function plan(
  ids: readonly string[],
  matrix: VectorMatrix,
  index: VectorIndex,
  k: number,
  top: number,
): Job[] {
  const rows = rowIndex(matrix);
  return ids.flatMap((id): Job[] => {
    const row = rows.get(id);
    if (row === undefined) return [];
    const neighbors = index
      .search(rowOf(matrix, row), k + 1)
      .filter((n) => n.id !== id)
      .slice(0, k);
    return neighbors.length === 0 ? [] : [{ id, neighbors: neighbors.slice(0, top) }];
  });
}

/** Links for the papers `ids` (new summaries) to their nearest summarized papers. */
export async function relatePapers(
  deps: RelatedDeps,
  ids: readonly string[],
  options: RelatedOptions = {},
): Promise<RelatedResult> {
  const result: RelatedResult = { papers: 0, links: 0, llmCalls: 0, failed: [] };
  if (ids.length === 0) return result;
  if (!deps.llm.available(RELATED_PURPOSE)) {
    deps.logger.info('no LLM configured: related papers not classified, no links stored');
    return { ...result, skippedReason: 'no LLM configured' };
  }
  const all = await deps.summaries.readAll();
  const summaries = new Map(all.map((s) => [s.id, s]));
  const matrix = await deps.loadVectors();
  const index = indexOver(matrix, new Set(summaries.keys()));
  if (!index) return { ...result, skippedReason: 'fewer than two summarized papers have vectors' };
  const jobs = plan(
    ids.filter((id) => summaries.has(id)),
    matrix,
    index,
    options.k ?? 10,
    options.classify ?? 4,
  );
  const papers = await deps.papers.get([
    ...new Set(jobs.flatMap((j) => [j.id, ...j.neighbors.map((n) => n.id)])),
  ]);
  const size = options.concurrency ?? 8;
  for (let start = 0; start < jobs.length; start += size) {
    const batch = jobs.slice(start, start + size);
    result.llmCalls += batch.length;
    const settled = await Promise.allSettled(batch.map((job) => classify(deps, job, { papers, summaries })));
    const links = settled.flatMap((s, i) => {
      if (s.status === 'fulfilled') return s.value;
      const id = batch[i]?.id ?? '';
      result.failed.push({ id, error: errorMessage(s.reason) });
      options.onItemFailed?.(id, errorMessage(s.reason));
      return [];
    });
    await deps.links.upsert(links);
    result.links += links.length;
    result.papers += batch.length - settled.filter((s) => s.status === 'rejected').length;
  }
  return result;
}
