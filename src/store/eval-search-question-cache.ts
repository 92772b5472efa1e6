/**
 * The LLM question cache of `bank generate --llm`: one JSON line per answer in
 * `state/evals/search/question-cache.jsonl`, appended as each answer arrives (so a stopped run
 * keeps what it paid for). A line that does not validate is ignored (it is asked again).
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CachedQuestion, type QuestionCache } from '../evals/search/llm-question.ts';
import { searchEvalDir } from './eval-search-bank-store.ts';

/** Opens the cache: the file store reads its file then, so each run sees the answers paid for so far. */
export interface QuestionCacheStore {
  open(): Promise<QuestionCache>;
}

export function createQuestionCacheStore(stateDir: string): QuestionCacheStore {
  return { open: () => openQuestionCache(stateDir) };
}

function questionCacheFile(stateDir: string): string {
  return join(searchEvalDir(stateDir), 'question-cache.jsonl');
}

function parseLine(line: string): CachedQuestion | undefined {
  try {
    const parsed = CachedQuestion.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function openQuestionCache(stateDir: string): Promise<QuestionCache> {
  const file = questionCacheFile(stateDir);
  const entries = new Map<string, CachedQuestion>();
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'ENOENT')) throw error;
  }
  for (const line of text.split('\n')) {
    const entry = line.trim() === '' ? undefined : parseLine(line);
    if (entry !== undefined) entries.set(entry.key, entry);
  }
  return {
    get: (key) => entries.get(key),
    async set(entry) {
      entries.set(entry.key, entry);
      await mkdir(dirname(file), { recursive: true });
      await appendFile(file, `${JSON.stringify(entry)}\n`);
    },
  };
}
