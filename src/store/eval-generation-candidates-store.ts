/** `evals/generation/candidates/candidates.json`: the generation candidates, sorted by id. */
import { RadarError } from '../core/errors.ts';
import { type Candidate, CandidatesFile } from '../evals/generation/candidate.ts';
import { generationEvalPaths } from './eval-generation-paths.ts';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';

export class CandidateExistsError extends RadarError {
  override readonly exitCode = 2;
}

export interface CandidatesStore {
  readonly file: string;
  list(): Promise<Candidate[]>;
  get(id: string): Promise<Candidate | undefined>;
  /** Adds a candidate; an existing id is an error unless `replace`. */
  add(candidate: Candidate, options?: { replace?: boolean }): Promise<void>;
}

/** Where the candidates file is kept: on disk, or the memory twin's cell. */
export interface CandidatesFileCell {
  readonly file: string;
  read(): Promise<{ candidates: Candidate[] } | undefined>;
  write(value: { version: 1; candidates: Candidate[] }): Promise<void>;
}

/** The candidates' rules (unique ids, sorted by id) over wherever the file is kept. */
export function candidatesStoreOver(cell: CandidatesFileCell): CandidatesStore {
  const list = async () => (await cell.read())?.candidates ?? [];
  return {
    file: cell.file,
    list,
    get: async (id) => (await list()).find((c) => c.id === id),
    async add(candidate, options = {}) {
      const current = await list();
      if (!options.replace && current.some((c) => c.id === candidate.id))
        throw new CandidateExistsError(
          `candidate "${candidate.id}" exists already (use --replace to overwrite it)`,
        );
      const next = [...current.filter((c) => c.id !== candidate.id), candidate].sort((a, b) =>
        a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
      );
      await cell.write({ version: 1, candidates: next });
    },
  };
}

export function createCandidatesStore(stateDir: string): CandidatesStore {
  const file = generationEvalPaths(stateDir).candidates;
  return candidatesStoreOver({
    file,
    read: () => readJsonFile(file, CandidatesFile),
    write: (value) => writeJsonFile(file, value),
  });
}
