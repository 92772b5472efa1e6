/**
 * Row and file schemas of the state directory. The store is the only code that knows file
 * formats; everything else works with these types.
 */
import { z } from 'zod';
import { isArxivId } from '../core/arxiv-id.ts';

export const PaperId = z.string().refine(isArxivId, 'must be an arXiv id without version');
const isoDateTime = z.iso.datetime({ offset: true });

export const Paper = z.object({
  id: PaperId,
  version: z.int().min(1),
  title: z.string().min(1),
  abstract: z.string(),
  authors: z.array(z.string()),
  categories: z.array(z.string()),
  primaryCategory: z.string(),
  comment: z.string().optional(),
  journalRef: z.string().optional(),
  doi: z.string().optional(),
  published: isoDateTime,
  updated: isoDateTime,
  absUrl: z.string(),
  pdfUrl: z.string(),
});
export type Paper = z.infer<typeof Paper>;

export const Label = z.object({
  id: PaperId,
  label: z.union([z.literal(1), z.literal(-1)]),
  source: z.enum(['notion', 'telegram', 'slack', 'feishu', 'cli', 'import']),
  user: z.string(),
  at: isoDateTime,
});
export type Label = z.infer<typeof Label>;

export const LedgerEntry = z.object({
  at: isoDateTime,
  provider: z.string(),
  model: z.string(),
  purpose: z.string(),
  inputTokens: z.int().min(0),
  outputTokens: z.int().min(0),
  costUsd: z.number().min(0),
  latencyMs: z.number().min(0),
  ok: z.boolean(),
  error: z.string().optional(),
  runId: z.string().optional(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const NotionMap = z.object({
  /** Database and data source ids created by `radar notion init`. */
  databases: z.record(z.string(), z.object({ databaseId: z.string(), dataSourceId: z.string() })).default({}),
  /** Local key (arXiv id, benchmark id) → page id, per database. */
  pages: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Creates started but not yet recorded (local key → ISO time), per database: looked up before creating again. */
  pending: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Keys whose last publish failed (local key → reason), per database: retried on the next run. */
  failed: z.record(z.string(), z.record(z.string(), z.string())).default({}),
  /** Hashes of the properties and body last written, per database and key: unchanged pages are skipped. */
  written: z
    .record(z.string(), z.record(z.string(), z.object({ properties: z.string(), body: z.string() })))
    .default({}),
});
export type NotionMap = z.infer<typeof NotionMap>;

export const TagVocabulary = z.object({
  tags: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()).default([]) })),
});
export type TagVocabulary = z.infer<typeof TagVocabulary>;

export const PaperLink = z.object({
  from: PaperId,
  to: PaperId,
  relation: z.enum(['extends', 'compares-with', 'same-task', 'uses-method', 'none']),
  similarity: z.number(),
  reason: z.string(),
  at: isoDateTime,
});
export type PaperLink = z.infer<typeof PaperLink>;

/** Small key-value state: cursors and last-success times. */
export const KeyValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));
export type KeyValues = z.infer<typeof KeyValues>;

export const LockInfo = z.object({
  pid: z.int(),
  hostname: z.string(),
  command: z.string(),
  startedAt: isoDateTime,
});
export type LockInfo = z.infer<typeof LockInfo>;
