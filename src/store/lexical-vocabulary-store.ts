/**
 * `classifiers/<model>/vocabulary.json`: the terms and document frequencies a lexical (tf-idf)
 * ranking model fitted on the state's papers, with the settings they were fitted under. One line
 * of JSON (100k terms pretty-printed would be 300k lines); refitted when the corpus grows.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { StateFileError } from '../core/errors.ts';
import { writeFileAtomic } from './atomic-write.ts';
import { readJsonFile } from './jsonl-file.ts';
import { statePaths } from './paths.ts';

export const VocabularySettings = z.object({
  ngramMax: z.int().min(1).max(3),
  minDf: z.int().min(1),
  maxDf: z.number().gt(0).max(1),
  maxFeatures: z.int().positive().optional(),
  stemming: z.enum(['porter', 'none']),
  stopWords: z.literal('english'),
  sublinearTf: z.boolean(),
});
export type VocabularySettings = z.infer<typeof VocabularySettings>;

export const StoredVocabulary = z
  .object({
    version: z.literal(1),
    model: z.string().min(1),
    fittedAt: z.iso.datetime({ offset: true }),
    docCount: z.int().min(0),
    settings: VocabularySettings,
    terms: z.array(z.string().min(1)),
    df: z.array(z.int().min(1)),
  })
  .refine((v) => v.df.length === v.terms.length, 'df must have one entry per term')
  .refine((v) => v.df.every((n) => n <= v.docCount), 'a document frequency exceeds docCount');
export type StoredVocabulary = z.infer<typeof StoredVocabulary>;

export interface VocabularyStore {
  read(model: string): Promise<StoredVocabulary | undefined>;
  write(vocabulary: StoredVocabulary): Promise<void>;
}

export function vocabularyPath(stateDir: string, model: string): string {
  return join(statePaths(stateDir).classifiersDir, model, 'vocabulary.json');
}

export function createVocabularyStore(stateDir: string): VocabularyStore {
  return {
    read: (model) => readJsonFile(vocabularyPath(stateDir, model), StoredVocabulary),
    async write(vocabulary) {
      const parsed = StoredVocabulary.safeParse(vocabulary);
      if (!parsed.success)
        throw new StateFileError(
          vocabularyPath(stateDir, vocabulary.model),
          parsed.error.issues[0]?.message ?? 'invalid',
        );
      await writeFileAtomic(vocabularyPath(stateDir, vocabulary.model), `${JSON.stringify(parsed.data)}\n`);
    },
  };
}
