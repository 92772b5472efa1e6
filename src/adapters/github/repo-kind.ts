/**
 * A rule judge of what a repository found by a benchmark search is: a benchmark (or its
 * evaluation code and leaderboard), or one of the look-alikes that search also returns — an
 * awesome-list, an evaluation harness or toolkit, a solver / agent / model that reports results on
 * a benchmark, a paper-reading list. Only benchmarks become candidates; the LLM judges again later.
 */

export type RepoKind = 'benchmark' | 'list' | 'harness' | 'solver' | 'other';

export interface RepoVerdict {
  kind: RepoKind;
  reasons: string[];
}

export interface RepoFacts {
  name: string;
  description: string;
  topics: readonly string[];
}

const BENCHMARK_WORD =
  /bench(mark)?s?\b|\bleaderboard|\bevals?\b|\bevaluation (set|suite|dataset)|\btest ?set\b/i;
const BENCHMARK_NAME = /bench|eval|leaderboard|arena/i;
const LIST =
  /\b(awesome|curated (list|collection)|a (list|collection) of|reading list|paper list|survey of)\b/i;
const LIST_NAME = /^awesome|(^|[-_])(papers|list|resources|survey)$/i;
const HARNESS =
  /\b(harness|toolkit|tool ?kit|framework for (running|evaluating)|library for evaluat\w+|evaluation (library|platform|tool)|run (many|\d+\+?) benchmarks|unified (evaluation|interface))\b/i;
const HARNESS_NAME = /harness|toolkit|(^|[-_])(evaluator|lighteval|opencompass)$/i;
const SOLVER =
  /\b(our (agent|method|model|approach|system|solution)|state[- ]of[- ]the[- ]art (on|results)|sota on|achiev\w+ \d|(agent|solver|solution) (for|that solves|to solve)|submission to|reproduc\w+ (the )?results)\b/i;
const RUN_OUTPUTS =
  /\b(predictions|trajectories|execution logs|submissions|results) (from|of|for) (model|runs?|agents?|\d+)/i;
const SOLVER_NAME = /(^|[-_])(agent|solver|solution|baseline|submission)s?$/i;

/** "ParseBench: a benchmark for …", "X is a benchmark …": the repository says it is one. */
const SAYS_BENCHMARK =
  /^\s*(the )?[\w.+-]+( is)?\s*(:|—|–| - | is )\s*(an? |the )?([\w-]+ ){0,5}?(benchmark|leaderboard|evaluation (set|suite|dataset)|test suite)\b/i;

function first(checks: ReadonlyArray<readonly [RepoKind, boolean, string]>): RepoVerdict | undefined {
  const hit = checks.find(([, test]) => test);
  return hit ? { kind: hit[0], reasons: [hit[2]] } : undefined;
}

export function classifyRepo(repo: RepoFacts): RepoVerdict {
  if (SAYS_BENCHMARK.test(repo.description) && !LIST_NAME.test(repo.name) && !HARNESS_NAME.test(repo.name))
    return { kind: 'benchmark', reasons: ['describes itself as a benchmark'] };
  const lookAlike = first([
    ['list', LIST.test(repo.description) || LIST_NAME.test(repo.name), 'a list of benchmarks or papers'],
    [
      'harness',
      HARNESS.test(repo.description) || HARNESS_NAME.test(repo.name),
      'an evaluation harness or toolkit',
    ],
    [
      'solver',
      SOLVER.test(repo.description) || SOLVER_NAME.test(repo.name) || RUN_OUTPUTS.test(repo.description),
      'a solver, agent or model evaluated on a benchmark, or its run outputs',
    ],
  ]);
  if (lookAlike) return lookAlike;
  // Topics alone are not enough: a solver tags itself with the benchmark it solves ("swe-bench").
  if (BENCHMARK_NAME.test(repo.name) || BENCHMARK_WORD.test(repo.description))
    return { kind: 'benchmark', reasons: ['names a benchmark, evaluation set or leaderboard'] };
  return { kind: 'other', reasons: ['no benchmark wording in its name, description or topics'] };
}
