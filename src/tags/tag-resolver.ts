/**
 * Resolves new tags against the vocabulary: the normalization rules first, then embedding
 * similarity to the canonical tags (above `mergeThreshold` → that tag), and for the ambiguous
 * band [`ambiguousLow`, `mergeThreshold`) one batched LLM call per batch of candidates decides.
 * Without an embedder every unknown tag is new; without an LLM the ambiguous band is new too.
 */
import { z } from 'zod';
import { errorMessage } from '../core/errors.ts';
import { type PromptTemplate, renderPrompt } from '../digest/prompt-template.ts';
import type { LlmClient } from '../llm/llm-client.ts';
import type { Logger } from '../log/logger.ts';
import { cleanTag } from './normalize.ts';
import type { MatchKind, Vocabulary } from './vocabulary.ts';

export type EmbedTexts = (texts: readonly string[]) => Promise<Float32Array[]>;

export interface TagDecision {
  tag: string;
  canonical: string;
  via: MatchKind | 'embedding' | 'llm' | 'new';
  /** Cosine similarity to the nearest canonical tag, when embeddings were used. */
  similarity?: number;
  reason?: string;
}

export interface TagResolverOptions {
  mergeThreshold: number;
  ambiguousLow: number;
  /** Ambiguous candidates per LLM call. */
  batchSize?: number;
}

export interface TagResolverDeps {
  vocabulary: Vocabulary;
  embed?: EmbedTexts;
  llm?: LlmClient;
  mergePrompt?: PromptTemplate;
  logger: Logger;
}

export interface TagResolver {
  /** Canonical tag per input tag (as given), and how each distinct tag was decided. */
  resolve(tags: readonly string[]): Promise<{ mapping: Map<string, string>; decisions: TagDecision[] }>;
  /** LLM calls made so far. */
  llmCalls(): number;
}

export const MergeDecisions = z.object({
  decisions: z.array(z.object({ index: z.int(), merge: z.boolean(), reason: z.string() })),
});

interface Ambiguous {
  tag: string;
  candidate: string;
  similarity: number;
  /** Why it is a candidate: an embedding similarity, or an acronym ↔ expansion by initials. */
  why: string;
}

function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

export function createTagResolver(deps: TagResolverDeps, options: TagResolverOptions): TagResolver {
  const { vocabulary, logger } = deps;
  const vectors = new Map<string, Float32Array>();
  let calls = 0;

  const vectorsFor = async (names: readonly string[]): Promise<void> => {
    const missing = [...new Set(names)].filter((n) => !vectors.has(n));
    if (!deps.embed || missing.length === 0) return;
    const embedded = await deps.embed(missing);
    missing.forEach((name, i) => {
      const v = embedded[i];
      if (v) vectors.set(name, v);
    });
  };

  const nearest = (vector: Float32Array): { name: string; similarity: number } | undefined => {
    let best: { name: string; similarity: number } | undefined;
    for (const name of vocabulary.names()) {
      const v = vectors.get(name);
      if (!v) continue;
      const similarity = dot(vector, v);
      if (!best || similarity > best.similarity) best = { name, similarity };
    }
    return best;
  };

  const decideBatch = async (
    batch: readonly Ambiguous[],
  ): Promise<Map<number, { merge: boolean; reason: string }>> => {
    const out = new Map<number, { merge: boolean; reason: string }>();
    if (!deps.llm || !deps.mergePrompt || !deps.llm.available('tags')) return out;
    const candidates = batch.map((a, i) => `${i}. "${a.tag}" → "${a.candidate}" (${a.why})`).join('\n');
    calls += 1;
    const result = await deps.llm.structured({
      purpose: 'tags',
      schema: MergeDecisions,
      schemaName: 'tag_merge_decisions',
      messages: renderPrompt(deps.mergePrompt, { candidates }),
    });
    if (!result.ok) {
      logger.warn(
        { error: result.error.message, tags: batch.length },
        'tag merge decisions failed; keeping the tags new',
      );
      return out;
    }
    for (const d of result.value.decisions) out.set(d.index, { merge: d.merge, reason: d.reason });
    return out;
  };

  const settleAmbiguous = async (
    ambiguous: readonly Ambiguous[],
    decisions: TagDecision[],
  ): Promise<void> => {
    const size = options.batchSize ?? 40;
    for (let start = 0; start < ambiguous.length; start += size) {
      const batch = ambiguous.slice(start, start + size);
      const answers = await decideBatch(batch).catch((error: unknown) => {
        logger.warn({ error: errorMessage(error) }, 'tag merge decisions failed');
        return new Map<number, { merge: boolean; reason: string }>();
      });
      batch.forEach((a, i) => {
        const answer = answers.get(i);
        const known = vocabulary.lookup(a.tag);
        if (answer?.merge && vocabulary.has(a.candidate)) {
          vocabulary.addAlias(a.candidate, a.tag);
          decisions.push({
            tag: a.tag,
            canonical: a.candidate,
            via: 'llm',
            similarity: a.similarity,
            reason: answer.reason,
          });
        } else if (known) decisions.push({ tag: a.tag, canonical: known.name, via: known.via });
        else
          decisions.push({
            tag: a.tag,
            canonical: vocabulary.add(a.tag),
            via: 'new',
            similarity: a.similarity,
          });
      });
    }
  };

  const resolveUnknown = async (unknown: readonly string[], decisions: TagDecision[]): Promise<void> => {
    await vectorsFor([...vocabulary.names(), ...unknown]);
    const ambiguous: Ambiguous[] = [];
    for (const tag of unknown) {
      const known = vocabulary.lookup(tag);
      if (known) {
        if (known.via !== 'exact') vocabulary.addAlias(known.name, tag);
        decisions.push({ tag, canonical: known.name, via: known.via });
        continue;
      }
      const vector = vectors.get(tag);
      const best = vector ? nearest(vector) : undefined;
      const initials = vocabulary.acronymCandidate(tag);
      if (initials !== undefined && initials !== best?.name) {
        ambiguous.push({ tag, candidate: initials, similarity: best?.similarity ?? 0, why: 'same initials' });
      } else if (best && best.similarity >= options.mergeThreshold) {
        vocabulary.addAlias(best.name, tag);
        decisions.push({ tag, canonical: best.name, via: 'embedding', similarity: best.similarity });
      } else if (best && best.similarity >= options.ambiguousLow) {
        ambiguous.push({
          tag,
          candidate: best.name,
          similarity: best.similarity,
          why: `similarity ${best.similarity.toFixed(2)}`,
        });
      } else {
        const name = vocabulary.add(tag);
        if (vector) vectors.set(name, vector);
        decisions.push({
          tag,
          canonical: name,
          via: 'new',
          ...(best ? { similarity: best.similarity } : {}),
        });
      }
    }
    await settleAmbiguous(ambiguous, decisions);
  };

  return {
    llmCalls: () => calls,
    async resolve(tags) {
      const decisions: TagDecision[] = [];
      const distinct = [...new Set(tags.map(cleanTag).filter((t) => t !== ''))];
      const unknown: string[] = [];
      for (const tag of distinct) {
        const known = vocabulary.lookup(tag);
        if (!known) unknown.push(tag);
        else {
          if (known.via !== 'exact') vocabulary.addAlias(known.name, tag);
          decisions.push({ tag, canonical: known.name, via: known.via });
        }
      }
      if (unknown.length > 0) await resolveUnknown(unknown, decisions);
      const byTag = new Map(decisions.map((d) => [d.tag, d.canonical]));
      const mapping = new Map(tags.map((t) => [t, byTag.get(cleanTag(t)) ?? cleanTag(t)]));
      return { mapping, decisions };
    },
  };
}
