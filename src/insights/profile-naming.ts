/**
 * Names and describes the liked clusters. ONE LLM call for all clusters: it costs one request
 * instead of k, and seeing every cluster at once lets the model keep the names distinct and say
 * what separates two close clusters. Without an LLM (none configured for the purpose `profile`,
 * or the call failed) each cluster is named by its most distinctive terms and tags.
 */
import { z } from 'zod';
import type { PromptTemplate } from '../digest/prompt-template.ts';
import { renderPrompt } from '../digest/prompt-template.ts';
import type { LlmClient } from '../llm/llm-client.ts';

export const PROFILE_PURPOSE = 'profile';
const TITLES_PER_CLUSTER = 8;

/** No optional fields: structured output needs every property required. */
export const ProfileNamingAnswer = z.object({
  interests: z.array(
    z.object({
      cluster: z.int().describe('the cluster number as given'),
      name: z.string().min(1).describe('2 to 6 words: the method or motivation, not the field'),
      description: z.string().min(1).describe('one paragraph on the deeper interest behind the cluster'),
    }),
  ),
});
export type ProfileNamingAnswer = z.infer<typeof ProfileNamingAnswer>;

export interface ClusterForNaming {
  size: number;
  terms: readonly string[];
  tags: readonly string[];
  /** Titles nearest the centroid first. */
  titles: readonly string[];
}

export interface ClusterName {
  name: string;
  description: string;
  namedBy: 'llm' | 'terms';
}

export interface NamingResult {
  names: ClusterName[];
  by: 'llm' | 'terms';
  model: string | null;
  error: string | null;
}

/** A name from the cluster's top terms (and its top tag when it adds a word). */
export function fallbackName(cluster: Pick<ClusterForNaming, 'terms' | 'tags' | 'size'>): ClusterName {
  const parts = cluster.terms.slice(0, 3);
  const tag = cluster.tags[0];
  if (tag !== undefined && !parts.some((p) => p.includes(tag) || tag.includes(p))) parts.push(tag);
  // No description: the terms and tags are shown beside the name already.
  return {
    name: parts.length > 0 ? parts.join(' · ') : 'unnamed cluster',
    description: '',
    namedBy: 'terms',
  };
}

export function describeForPrompt(clusters: readonly ClusterForNaming[]): string {
  return clusters
    .map((c, i) =>
      [
        `Cluster ${i} (${c.size} papers)`,
        `Distinctive terms: ${c.terms.join(', ') || 'none'}`,
        `Tags: ${c.tags.join(', ') || 'none'}`,
        'Titles:',
        ...c.titles.slice(0, TITLES_PER_CLUSTER).map((t) => `- ${t}`),
      ].join('\n'),
    )
    .join('\n\n');
}

function fallbackAll(clusters: readonly ClusterForNaming[], error: string | null): NamingResult {
  return { names: clusters.map(fallbackName), by: 'terms', model: null, error };
}

export interface NamingDeps {
  llm?: LlmClient | undefined;
  prompt: PromptTemplate;
}

export async function nameClusters(
  deps: NamingDeps,
  clusters: readonly ClusterForNaming[],
  liked: number,
): Promise<NamingResult> {
  if (clusters.length === 0 || !deps.llm?.available(PROFILE_PURPOSE)) return fallbackAll(clusters, null);
  const result = await deps.llm.structured({
    purpose: PROFILE_PURPOSE,
    schema: ProfileNamingAnswer,
    schemaName: 'interest_profile',
    messages: renderPrompt(deps.prompt, {
      liked: String(liked),
      count: String(clusters.length),
      clusters: describeForPrompt(clusters),
    }),
  });
  if (!result.ok) return fallbackAll(clusters, `${result.error.kind}: ${result.error.message}`);
  const answered = new Map(result.value.interests.map((i) => [i.cluster, i]));
  const names = clusters.map((cluster, i): ClusterName => {
    const answer = answered.get(i);
    return answer
      ? { name: answer.name.trim(), description: answer.description.trim(), namedBy: 'llm' }
      : fallbackName(cluster);
  });
  return { names, by: 'llm', model: result.model, error: null };
}
