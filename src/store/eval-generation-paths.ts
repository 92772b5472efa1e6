/** Where the generation benchmark keeps its state: `<state>/evals/generation/…`. */
import { join } from 'node:path';

export interface GenerationEvalPaths {
  root: string;
  candidates: string;
  casesDir: string;
  runsDir: string;
  cacheDir: string;
  integrityIssues: string;
  exclusions: string;
}

export function generationEvalPaths(stateDir: string): GenerationEvalPaths {
  const root = join(stateDir, 'evals', 'generation');
  return {
    root,
    candidates: join(root, 'candidates', 'candidates.json'),
    casesDir: join(root, 'cases'),
    runsDir: join(root, 'runs'),
    cacheDir: join(root, 'cache', 'generations'),
    integrityIssues: join(root, 'integrity', 'issues_generation.json'),
    exclusions: join(root, 'integrity', 'exclusions.json'),
  };
}
