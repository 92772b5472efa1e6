/**
 * `sync/hf.json`: what the state's Hugging Face backup holds as of the last successful push or
 * pull — the remote commit, and per file its content hashes — so a push uploads only what changed.
 */
import { z } from 'zod';

export const SyncedFile = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The git blob id, which the Hub's tree lists for files stored without LFS. */
  gitOid: z.string().regex(/^[0-9a-f]{40}$/),
  size: z.int().min(0),
  /** With the size, lets a scan reuse the hashes of a file that was not rewritten. */
  mtimeMs: z.number(),
});
export type SyncedFile = z.infer<typeof SyncedFile>;

export const SyncRecord = z.strictObject({
  version: z.literal(1),
  repo: z.string().min(1),
  branch: z.string().min(1),
  commit: z.string().min(1),
  /** What recorded it, and when. */
  action: z.enum(['push', 'pull']),
  at: z.iso.datetime(),
  files: z.record(z.string(), SyncedFile),
});
export type SyncRecord = z.infer<typeof SyncRecord>;
