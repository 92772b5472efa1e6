/**
 * The in-memory twin of the lexical rows store (lexical-rows-store.ts): each shard's rows kept
 * in the file's encoding, so a read returns a fresh copy and refuses what the file store refuses.
 */
import { StateFileError } from '../../core/errors.ts';
import { decodeRows, encodeRows, invalidRows, type LexicalRowsStore } from '../lexical-rows-store.ts';
import { memoryPath } from './json-cell.ts';

export function createMemoryLexicalRowsStore(): LexicalRowsStore {
  const files = new Map<string, Uint8Array>();
  const pathOf = (model: string, shard: string): string => `index/lexical/${model}/${shard}.bin`;
  return {
    read: async (model, shard) => {
      const bytes = files.get(pathOf(model, shard));
      return bytes ? decodeRows(bytes.slice()) : undefined;
    },
    async write(model, shard, rows) {
      const problem = invalidRows(rows);
      if (problem) throw new StateFileError(memoryPath(pathOf(model, shard)), problem);
      files.set(pathOf(model, shard), encodeRows(rows));
    },
  };
}
