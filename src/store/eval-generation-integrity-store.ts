/** `integrity/issues_generation.json` (written by scan-integrity) and `integrity/exclusions.json` (written by the user). */
import { type Exclusion, ExclusionsFile, IssuesFile } from '../evals/generation/integrity.ts';
import { generationEvalPaths } from './eval-generation-paths.ts';
import { readJsonFile, writeJsonFile } from './jsonl-file.ts';

export interface IntegrityStore {
  readonly issuesFile: string;
  readonly exclusionsFile: string;
  exclusions(): Promise<Exclusion[]>;
  /** The last scan's issues; undefined before the first scan. */
  issues(): Promise<IssuesFile | undefined>;
  writeIssues(issues: IssuesFile): Promise<void>;
}

export function createIntegrityStore(stateDir: string): IntegrityStore {
  const paths = generationEvalPaths(stateDir);
  return {
    issuesFile: paths.integrityIssues,
    exclusionsFile: paths.exclusions,
    exclusions: async () => (await readJsonFile(paths.exclusions, ExclusionsFile))?.exclusions ?? [],
    issues: () => readJsonFile(paths.integrityIssues, IssuesFile),
    writeIssues: (issues) => writeJsonFile(paths.integrityIssues, issues),
  };
}
