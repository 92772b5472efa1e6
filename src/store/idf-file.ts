/**
 * `embeddings/<model>/idf.json`: the document frequencies the hashing embedder fitted on the
 * corpus. Kept fixed once written so that old and new vectors stay comparable.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';

export const IdfFile = z
  .object({
    slots: z.int().positive(),
    docCount: z.int().min(0),
    df: z.array(z.int().min(0)),
    fittedAt: z.iso.datetime({ offset: true }),
  })
  .refine((f) => f.df.length === f.slots, 'df must have one entry per slot')
  .refine((f) => f.df.every((n) => n <= f.docCount), 'a document frequency exceeds docCount');
export type IdfFile = z.infer<typeof IdfFile>;

export interface StoredIdf {
  docCount: number;
  df: Uint32Array;
  fittedAt: string;
}

export function idfFilePath(stateDir: string, model: string): string {
  return join(statePaths(stateDir).embeddingsDir, model, 'idf.json');
}

export async function readIdfFile(file: string, expectedSlots: number): Promise<StoredIdf | undefined> {
  const parsed = await readJsonFile(file, IdfFile);
  if (!parsed) return undefined;
  if (parsed.slots !== expectedSlots)
    throw new StateFileError(file, `has ${parsed.slots} slots, expected ${expectedSlots}`);
  return { docCount: parsed.docCount, df: Uint32Array.from(parsed.df), fittedAt: parsed.fittedAt };
}

/** One line: 2^16 numbers pretty-printed would be 2^16 lines. */
export async function writeIdfFile(file: string, idf: StoredIdf): Promise<void> {
  const value: IdfFile = {
    slots: idf.df.length,
    docCount: idf.docCount,
    df: Array.from(idf.df),
    fittedAt: idf.fittedAt,
  };
  await writeFileAtomic(file, `${JSON.stringify(value)}\n`);
}
