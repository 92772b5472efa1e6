/** Registered search versions: code, algorithm and parameters, one baseline, a snapshot of the latest run. */
import { z } from 'zod';

export const RegisteredVersion = z.object({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  name: z.string().min(1),
  description: z.string().default(''),
  algorithm: z.enum(['bm25', 'vector', 'hybrid', 'rerank']),
  parameters: z.record(z.string(), z.json()).default({}),
  active: z.boolean().default(true),
  baseline: z.boolean().default(false),
  created_at: z.iso.datetime({ offset: true }),
  latest: z
    .object({
      precision: z.number(),
      recall: z.number(),
      f1: z.number(),
      latency_ms: z.number(),
      total_runs: z.int(),
      run_id: z.string(),
    })
    .optional(),
});
export type RegisteredVersion = z.infer<typeof RegisteredVersion>;

export const VersionsFile = z.object({ versions: z.array(RegisteredVersion).default([]) });

/** Makes `code` the only baseline. */
export function setBaseline(versions: readonly RegisteredVersion[], code: string): RegisteredVersion[] {
  return versions.map((v) => ({ ...v, baseline: v.code === code }));
}
