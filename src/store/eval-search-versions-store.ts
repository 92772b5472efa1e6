/** `state/evals/search/versions.json`: the registered search versions. */
import { join } from 'node:path';
import { UsageError } from '../core/errors.ts';
import { type RegisteredVersion, setBaseline, VersionsFile } from '../evals/search/versions.ts';
import { searchEvalDir } from './eval-search-bank-store.ts';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';

export interface VersionsStore {
  list(): Promise<RegisteredVersion[]>;
  find(code: string): Promise<RegisteredVersion | undefined>;
  add(version: RegisteredVersion): Promise<void>;
  update(code: string, change: (v: RegisteredVersion) => RegisteredVersion): Promise<void>;
  setBaseline(code: string): Promise<void>;
}

/** Where the versions are kept: the file store's JSON file, or the memory twin's cell. */
export interface VersionsFileCell {
  read(): Promise<{ versions: RegisteredVersion[] } | undefined>;
  write(file: { versions: RegisteredVersion[] }): Promise<void>;
}

/** The registry's rules over wherever the versions file is kept. */
export function versionsStoreOver(cell: VersionsFileCell): VersionsStore {
  const list = async () => (await cell.read())?.versions ?? [];
  const save = (versions: RegisteredVersion[]) => cell.write({ versions });
  const known = async (code: string) => {
    const versions = await list();
    if (!versions.some((v) => v.code === code)) throw new UsageError(`no registered search version ${code}`);
    return versions;
  };
  return {
    list,
    find: async (code) => (await list()).find((v) => v.code === code),
    async add(version) {
      const versions = await list();
      if (versions.some((v) => v.code === version.code))
        throw new UsageError(`search version ${version.code} exists already`);
      // The first version registered is the baseline, so there is always exactly one.
      await save([...versions, { ...version, baseline: versions.length === 0 }]);
    },
    async update(code, change) {
      await save((await known(code)).map((v) => (v.code === code ? change(v) : v)));
    },
    async setBaseline(code) {
      await save(setBaseline(await known(code), code));
    },
  };
}

export function createVersionsStore(stateDir: string): VersionsStore {
  const file = join(searchEvalDir(stateDir), 'versions.json');
  return versionsStoreOver({
    read: () => readJsonFile(file, VersionsFile),
    write: (versions) => writeJsonFile(file, versions),
  });
}
