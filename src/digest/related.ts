/**
 * Related papers: for each new summary, its nearest summarized papers by embedding (an ANN
 * index over the summarized papers' vectors), then ONE LLM call per paper that classifies the
 * relation to the top few only. Never all pairs; without an LLM nothing is stored (relations are
 * never invented from similarity alone).
 */
import { z } from 'zod';
import type { Clock } from '../core/clock.ts';
import { errorMessage } from '../core/errors.ts';
import type { StoredSummary } from '../core/summary.ts';
import { createVectorIndex, type Neighbor } from '../index/vector-index.ts';
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
  /** The first active embedding model's vectors of (at least) `ids`; ids without one are left out. */
  loadVectors: (ids: ReadonlySet<string>) => Promise<VectorMatrix>;
  logger: Logger;
  clock: Clock;
}

export interface RelatedOptions {
  /** Neighbours searched per paper. */
  k?: number;
  /** Of those, how many the LLM classifies. */
  classify?: number;
  onItemFailed?: (id: string, error: string) => void;
  /** The papers `relate` will be handed: their vectors are read with the summarized papers' at open. */
  ids?: readonly string[];
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

/** Related-paper work that takes papers one at a time, as their summaries are stored. */
export interface Relating {
  /** Starts the paper's related call now (its summary is stored); it runs beside the others. */
  relate(summary: StoredSummary): void;
  /** Waits for every started call. */
  done(): Promise<RelatedResult>;
}

/**
 * Opens the related-papers work: the index over the summarized papers' vectors is built once;
 * each paper handed to `relate` joins it and asks the LLM about its nearest neighbours at once,
 * so a day's related calls overlap its remaining summaries (the LLM layer bounds the calls in
 * flight per provider). A paper finds the day's papers related before it; the later ones find it.
 */
export async function startRelating(deps: RelatedDeps, options: RelatedOptions = {}): Promise<Relating> {
  const result: RelatedResult = { papers: 0, links: 0, llmCalls: 0, failed: [] };
  if (!deps.llm.available(RELATED_PURPOSE)) {
    deps.logger.info('no LLM configured: related papers not classified, no links stored');
    return { relate: () => undefined, done: async () => ({ ...result, skippedReason: 'no LLM configured' }) };
  }
  const summaries = new Map((await deps.summaries.readAll()).map((s) => [s.id, s]));
  const matrix = await deps.loadVectors(new Set([...summaries.keys(), ...(options.ids ?? [])]));
  const rows = rowIndex(matrix);
  const index = createVectorIndex(matrix.dims || 1);
  index.add(
    selectRows(
      matrix,
      [...summaries.keys()].flatMap((id) => rows.get(id) ?? []),
    ),
  );
  const k = options.k ?? 10;
  const top = options.classify ?? 4;
  let linkWrites: Promise<unknown> = Promise.resolve();
  // Papers are read one request at a time and kept: concurrent jobs never parse the same shards at once.
  const known = new Map<string, Paper>();
  let reads: Promise<unknown> = Promise.resolve();
  const papersOf = async (wanted: readonly string[]): Promise<Map<string, Paper>> => {
    reads = reads
      .catch(() => undefined)
      .then(async () => {
        const missing = wanted.filter((id) => !known.has(id));
        if (missing.length > 0)
          for (const [id, paper] of await deps.papers.get(missing)) known.set(id, paper);
      });
    await reads;
    return known;
  };
  const pending: Promise<void>[] = [];

  const relateOne = async (id: string): Promise<void> => {
    const row = rows.get(id);
    if (row === undefined) return;
    if (!index.has(id)) index.add(selectRows(matrix, [row]));
    const neighbors = index
      .search(rowOf(matrix, row), k + 1)
      .filter((n) => n.id !== id && summaries.has(n.id))
      .slice(0, top);
    if (neighbors.length === 0) return;
    result.llmCalls += 1;
    try {
      const papers = await papersOf([id, ...neighbors.map((n) => n.id)]);
      const links = await classify(deps, { id, neighbors }, { papers, summaries });
      // One links write at a time: each upsert rewrites the links file.
      linkWrites = linkWrites.then(() => deps.links.upsert(links));
      await linkWrites;
      result.links += links.length;
      result.papers += 1;
    } catch (error) {
      result.failed.push({ id, error: errorMessage(error) });
      options.onItemFailed?.(id, errorMessage(error));
    }
  };

  return {
    relate(summary) {
      summaries.set(summary.id, summary);
      pending.push(relateOne(summary.id));
    },
    async done() {
      await Promise.all(pending);
      if (result.llmCalls === 0 && index.size() < 2)
        return { ...result, skippedReason: 'fewer than two summarized papers have vectors' };
      return result;
    },
  };
}

/** Links for the papers `ids` (summaries already stored) to their nearest summarized papers. */
export async function relatePapers(
  deps: RelatedDeps,
  ids: readonly string[],
  options: RelatedOptions = {},
): Promise<RelatedResult> {
  if (ids.length === 0) return { papers: 0, links: 0, llmCalls: 0, failed: [] };
  const relating = await startRelating(deps, { ...options, ids });
  const stored = await deps.summaries.readAll();
  const wanted = new Set(ids);
  for (const summary of stored) if (wanted.has(summary.id)) relating.relate(summary);
  return relating.done();
}
