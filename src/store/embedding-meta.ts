/** `embeddings/<model>/model.json`: what produced a model's vectors and how to read them. */
import { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readTextIfExists } from './read-text.ts';

export const EmbeddingModelMeta = z.object({
  model: z.string().min(1),
  backend: z.string().min(1),
  dims: z.int().positive(),
  normalize: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
  extra: z.record(z.string(), z.unknown()).optional(),
});
export type EmbeddingModelMeta = z.infer<typeof EmbeddingModelMeta>;

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new StateFileError(
      file,
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

export async function readModelMeta(file: string): Promise<EmbeddingModelMeta | undefined> {
  const text = await readTextIfExists(file);
  if (text === undefined) return undefined;
  const parsed = EmbeddingModelMeta.safeParse(parseJson(file, text));
  if (!parsed.success) throw new StateFileError(file, z.prettifyError(parsed.error));
  return parsed.data;
}

export async function writeModelMeta(file: string, meta: EmbeddingModelMeta): Promise<void> {
  const parsed = EmbeddingModelMeta.safeParse(meta);
  if (!parsed.success) throw new StateFileError(file, `refusing to write: ${z.prettifyError(parsed.error)}`);
  await writeFileAtomic(file, `${JSON.stringify(parsed.data, null, 2)}\n`);
}
