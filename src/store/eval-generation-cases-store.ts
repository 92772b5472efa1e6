/**
 * Loads a generation case set: a JSONL file of cases with their text, or a list of paper ids
 * resolved against the papers store and the cached full text (never fetched here: run
 * `radar fetch-text` first). `--cases` takes a path, or the name of a file under
 * `evals/generation/cases/` (`NAME`, `NAME.jsonl` or `NAME.txt`).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { CaseSetError, type EvalCase, parseCaseSet } from '../evals/generation/case-set.ts';
import { generationEvalPaths } from './eval-generation-paths.ts';
import { createFulltextStore } from './fulltext-store.ts';
import { createPapersStore } from './papers-store.ts';
import { readTextIfExists } from './read-text.ts';

export interface LoadedCaseSet {
  /** As given, relative to the state directory when inside it (part of the benchmark key). */
  path: string;
  file: string;
  kind: 'ids' | 'jsonl';
  cases: EvalCase[];
}

export function resolveCaseSetFile(stateDir: string, cwd: string, spec: string): string {
  const direct = isAbsolute(spec) ? spec : resolve(cwd, spec);
  if (existsSync(direct)) return direct;
  const dir = generationEvalPaths(stateDir).casesDir;
  const found = [spec, `${spec}.jsonl`, `${spec}.txt`]
    .map((name) => join(dir, name))
    .find((f) => existsSync(f));
  if (found === undefined)
    throw new UsageError(
      `--cases: no file "${spec}" (nor ${spec}, ${spec}.jsonl or ${spec}.txt under ${dir})`,
    );
  return found;
}

async function fromIds(stateDir: string, ids: readonly string[]): Promise<EvalCase[]> {
  const papers = await createPapersStore(stateDir).get(ids);
  const fulltext = createFulltextStore(stateDir);
  return Promise.all(
    ids.map(async (id): Promise<EvalCase> => {
      const paper = papers.get(id);
      const text = paper ? await fulltext.get(id) : undefined;
      const usable = text && text.meta.route !== 'abstract' ? text.markdown : undefined;
      return {
        id,
        title: paper?.title ?? '',
        abstract: paper?.abstract ?? '',
        authors: paper?.authors ?? [],
        categories: paper?.categories ?? [],
        ...(usable !== undefined ? { full_text: usable } : {}),
        source: paper ? `papers:${text?.meta.route ?? 'no-fulltext'}` : 'papers:missing',
      };
    }),
  );
}

export async function loadCaseSet(stateDir: string, cwd: string, spec: string): Promise<LoadedCaseSet> {
  const file = resolveCaseSetFile(stateDir, cwd, spec);
  const text = (await readTextIfExists(file)) ?? '';
  let parsed: ReturnType<typeof parseCaseSet>;
  try {
    parsed = parseCaseSet(text);
  } catch (error) {
    if (error instanceof CaseSetError) throw new UsageError(`--cases ${file}: ${error.message}`);
    throw error;
  }
  const rel = relative(stateDir, file);
  const path = rel.startsWith('..') || isAbsolute(rel) ? file : rel;
  const cases = parsed.kind === 'jsonl' ? parsed.cases : await fromIds(stateDir, parsed.ids);
  return { path, file, kind: parsed.kind, cases };
}
