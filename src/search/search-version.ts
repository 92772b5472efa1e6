/**
 * Named, parameterized search versions: what `createSearchEngine` builds and what the search
 * benchmark compares. Parameters are validated with zod; every one has a default, so
 * `{ name: 'bm25', algorithm: 'bm25' }` is a complete version.
 */
import { z } from 'zod';
import { ConfigError } from '../core/errors.ts';
import type { SearchAlgorithm } from './search-port.ts';

export interface SearchVersion {
  name: string;
  algorithm: SearchAlgorithm;
  parameters?: Readonly<Record<string, unknown>> | undefined;
}

const positive = z.number().positive();

export const Bm25Parameters = z.strictObject({
  k1: z.number().min(0).default(0.9),
  b: z.number().min(0).max(1).default(0.4),
  titleWeight: z.number().min(0).default(1),
  textWeight: z.number().min(0).default(1),
  /** How hyphenated terms are indexed (see src/text/tokenize.ts). */
  compounds: z.enum(['parts', 'whole', 'both']).default('both'),
  stem: z.boolean().default(true),
  /** `lucene`: Lucene's English set (the BEIR baseline's); `none`: keep every word. */
  stopWords: z.enum(['lucene', 'none']).default('lucene'),
});
export type Bm25Parameters = z.infer<typeof Bm25Parameters>;

export const VectorParameters = z.strictObject({
  /** Embedding model name (config `embedding.models`); default: the configured default model. */
  model: z.string().min(1).optional(),
  /** ANN candidates fetched before filtering, as a multiple of k (default 10). */
  overfetch: positive.default(10),
});
export type VectorParameters = z.infer<typeof VectorParameters>;

export const HybridParameters = z.strictObject({
  fusion: z.enum(['rrf', 'weighted']).default('rrf'),
  /** RRF's rank constant: score = Σ w / (rrfK + rank). */
  rrfK: positive.default(60),
  bm25Weight: z.number().min(0).default(1),
  vectorWeight: z.number().min(0).default(1),
  /** How many hits of each list are fused. */
  depth: z.int().positive().default(100),
  /** Min-max (default) or z-score normalization of each list before weighted fusion. */
  normalization: z.enum(['minmax', 'zscore']).default('minmax'),
  bm25: Bm25Parameters.default(Bm25Parameters.parse({})),
  vector: VectorParameters.default(VectorParameters.parse({})),
});
export type HybridParameters = z.infer<typeof HybridParameters>;

export const RerankParameters = z.strictObject({
  /** The first stage whose top hits the LLM reorders. */
  base: z
    .strictObject({
      algorithm: z.enum(['bm25', 'vector', 'hybrid']),
      parameters: z.record(z.string(), z.unknown()).optional(),
    })
    .default({ algorithm: 'hybrid' }),
  /** How many first-stage hits the LLM sees. */
  topK: z.int().positive().max(50).default(20),
  /** LLM model name (config `llm.models`); default: the configured default model. */
  model: z.string().min(1).optional(),
});
export type RerankParameters = z.infer<typeof RerankParameters>;

function parseWith<T>(schema: z.ZodType<T>, version: SearchVersion): T {
  const parsed = schema.safeParse(version.parameters ?? {});
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    `search version "${version.name}" (${version.algorithm}) has invalid parameters`,
    parsed.error.issues.map((i) => `${i.path.join('.') || '(parameters)'}: ${i.message}`),
  );
}

export const parseBm25Parameters = (v: SearchVersion) => parseWith(Bm25Parameters, v);
export const parseVectorParameters = (v: SearchVersion) => parseWith(VectorParameters, v);
export const parseHybridParameters = (v: SearchVersion) => parseWith(HybridParameters, v);
export const parseRerankParameters = (v: SearchVersion) => parseWith(RerankParameters, v);

const PARAMETERS: Record<SearchAlgorithm, z.ZodType> = {
  bm25: Bm25Parameters,
  vector: VectorParameters,
  hybrid: HybridParameters,
  rerank: RerankParameters,
};

/** Config `search.versions`: name → algorithm and parameters, each checked against its algorithm's schema. */
export const SearchVersionsConfig = z.record(
  z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a version name is letters, digits, ".", "_" or "-"'),
  z
    .strictObject({
      algorithm: z.enum(['bm25', 'vector', 'hybrid', 'rerank']),
      parameters: z.record(z.string(), z.unknown()).default({}),
    })
    .superRefine((version, ctx) => {
      const parsed = PARAMETERS[version.algorithm].safeParse(version.parameters);
      if (parsed.success) return;
      for (const issue of parsed.error.issues)
        ctx.addIssue({ code: 'custom', path: ['parameters', ...issue.path], message: issue.message });
    }),
);
export type SearchVersionsConfig = z.infer<typeof SearchVersionsConfig>;

/** The config's versions as SearchVersions (for `findVersion`'s `extra`). */
export function configuredVersions(versions: SearchVersionsConfig): SearchVersion[] {
  return Object.entries(versions).map(([name, v]) => ({
    name,
    algorithm: v.algorithm,
    parameters: v.parameters,
  }));
}

/** The versions every radar knows; config `search.versions` adds more (a same name overrides). */
export const BUILTIN_VERSIONS: readonly SearchVersion[] = [
  { name: 'bm25', algorithm: 'bm25' },
  { name: 'vector', algorithm: 'vector' },
  { name: 'hybrid', algorithm: 'hybrid' },
  { name: 'hybrid-rrf', algorithm: 'hybrid', parameters: { fusion: 'rrf' } },
  {
    name: 'hybrid-weighted',
    algorithm: 'hybrid',
    parameters: { fusion: 'weighted', bm25Weight: 0.5, vectorWeight: 0.5 },
  },
  { name: 'rerank', algorithm: 'rerank' },
];

export function findVersion(name: string, extra: readonly SearchVersion[] = []): SearchVersion {
  const all = [...extra, ...BUILTIN_VERSIONS];
  const found = all.find((v) => v.name === name);
  if (found) return found;
  const names = [...new Set(all.map((v) => v.name))].join(', ');
  throw new ConfigError(`unknown search version "${name}": known versions are ${names}`);
}
