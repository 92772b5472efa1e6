/** Repository objects for the GitHub fake, built from the recorded octokit fixture. */
import { z } from 'zod';
import { readFixture } from '../fixtures.ts';
import { type GitHubRepository, repositorySchema } from './search-query.ts';

const FIXTURE_FULL_NAME = 'octokit-fixture-org/hello-world';

const searchEnvelopeSchema = z.object({
  total_count: z.number(),
  incomplete_results: z.boolean(),
  items: z.array(repositorySchema),
});

/** The full `GET /repos/{owner}/{repo}` object of the fixture. */
export function loadFixtureRepository(): GitHubRepository {
  return repositorySchema.parse(readFixture('github/get_repository_response_octokit.json'));
}

/** The search-result item of the fixture (the repository reduced to search keys, with `score`). */
export function loadFixtureSearchItem(): GitHubRepository {
  const [item] = searchEnvelopeSchema.parse(
    readFixture('github/search_repositories_response_COMPOSED.json'),
  ).items;
  if (!item) throw new Error('search_repositories_response_COMPOSED.json has no item');
  return item;
}

export interface RepositoryOverrides {
  fullName: string;
  description?: string | null;
  stars?: number;
  forks?: number;
  topics?: string[];
  language?: string | null;
  createdAt?: string;
  pushedAt?: string;
  archived?: boolean;
}

/**
 * The fixture's full repository object renamed to `fullName` (every URL follows) with the given
 * fields; the search answer reduces it to the search-result keys.
 */
export function makeRepository(overrides: RepositoryOverrides): GitHubRepository {
  const [owner = '', name = ''] = overrides.fullName.split('/');
  const renamed = JSON.stringify(loadFixtureRepository())
    .replaceAll(FIXTURE_FULL_NAME, overrides.fullName)
    .replaceAll('octokit-fixture-org', owner);
  const base = repositorySchema.parse(JSON.parse(renamed));
  const stars = overrides.stars ?? base.stargazers_count ?? 0;
  const forks = overrides.forks ?? base.forks_count ?? 0;
  return {
    ...base,
    name,
    full_name: overrides.fullName,
    description: overrides.description === undefined ? base.description : overrides.description,
    stargazers_count: stars,
    watchers_count: stars,
    watchers: stars,
    forks_count: forks,
    forks,
    topics: overrides.topics ?? base.topics ?? [],
    language: overrides.language === undefined ? (base.language ?? null) : overrides.language,
    created_at: overrides.createdAt ?? base.created_at,
    pushed_at: overrides.pushedAt ?? base.pushed_at,
    updated_at: overrides.pushedAt ?? base.updated_at,
    archived: overrides.archived ?? false,
  };
}

/** A search result: the keys of the recorded search item, from `repo` or else the recorded values. */
export function toSearchItem(repo: GitHubRepository, template: GitHubRepository): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const key of Object.keys(template)) item[key] = key in repo ? repo[key] : template[key];
  item.score = 1;
  return item;
}
