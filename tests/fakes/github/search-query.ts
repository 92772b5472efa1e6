/**
 * The part of GitHub's repository search syntax the radar uses: free-text terms (in name,
 * description and topics), and the qualifiers topic, language, user, org, in, stars, forks,
 * created, pushed, archived, fork, is. Ranges: `>N`, `>=N`, `<N`, `<=N`, `N..M`, `N..*`, `*..N`.
 */
import { z } from 'zod';

export const repositorySchema = z.looseObject({
  name: z.string(),
  full_name: z.string(),
  description: z.string().nullable().optional(),
  owner: z.looseObject({ login: z.string() }),
  topics: z.array(z.string()).optional(),
  language: z.string().nullable().optional(),
  stargazers_count: z.number().optional(),
  forks_count: z.number().optional(),
  created_at: z.string().optional(),
  pushed_at: z.string().optional(),
  updated_at: z.string().optional(),
  archived: z.boolean().optional(),
  fork: z.boolean().optional(),
  private: z.boolean().optional(),
});
export type GitHubRepository = z.infer<typeof repositorySchema>;

export type RepoPredicate = (repo: GitHubRepository) => boolean;

export class SearchQueryError extends Error {}

function rangePredicate(raw: string, parse: (s: string) => number): (value: number) => boolean {
  const number = (s: string): number => {
    const value = parse(s);
    if (Number.isNaN(value)) throw new SearchQueryError(`invalid value "${s}"`);
    return value;
  };
  const between = /^(.+)\.\.(.+)$/.exec(raw);
  if (between) {
    const [, lo = '*', hi = '*'] = between;
    const min = lo === '*' ? -Infinity : number(lo);
    const max = hi === '*' ? Infinity : number(hi);
    return (v) => v >= min && v <= max;
  }
  const cmp = /^(>=|<=|>|<)?(.+)$/.exec(raw);
  const op = cmp?.[1];
  const bound = number(cmp?.[2] ?? '');
  if (op === '>') return (v) => v > bound;
  if (op === '>=') return (v) => v >= bound;
  if (op === '<') return (v) => v < bound;
  if (op === '<=') return (v) => v <= bound;
  return (v) => v === bound;
}

const asInt = (s: string): number => (/^\d+$/.test(s) ? Number(s) : Number.NaN);
const asDate = (s: string): number => (/^\d{4}-\d{2}-\d{2}/.test(s) ? Date.parse(s) : Number.NaN);

function qualifier(key: string, value: string, inFields: string[]): RepoPredicate | undefined {
  const lower = value.toLowerCase();
  switch (key) {
    case 'topic':
      return (r) => (r.topics ?? []).includes(lower);
    case 'language':
      return (r) => (r.language ?? '').toLowerCase() === lower;
    case 'user':
    case 'org':
      return (r) => r.owner.login.toLowerCase() === lower;
    case 'in':
      inFields.push(...lower.split(','));
      return () => true;
    case 'stars': {
      const test = rangePredicate(value, asInt);
      return (r) => test(r.stargazers_count ?? 0);
    }
    case 'forks': {
      const test = rangePredicate(value, asInt);
      return (r) => test(r.forks_count ?? 0);
    }
    case 'created':
    case 'pushed': {
      const test = rangePredicate(value, asDate);
      return (r) => test(Date.parse((key === 'created' ? r.created_at : r.pushed_at) ?? '1970-01-01'));
    }
    case 'archived':
      return (r) => String(r.archived ?? false) === lower;
    case 'fork':
      return lower === 'true' || lower === 'only' ? (r) => r.fork === true : (r) => r.fork !== true;
    case 'is':
      return (r) => (lower === 'private' ? r.private === true : r.private !== true);
    default:
      return undefined;
  }
}

/** Parses `q`; throws SearchQueryError for a value GitHub would reject with 422. */
export function parseRepoQuery(q: string): RepoPredicate {
  if (q.trim() === '') throw new SearchQueryError('missing');
  const predicates: RepoPredicate[] = [];
  const terms: string[] = [];
  const inFields: string[] = [];
  for (const match of q.matchAll(/(\w[\w-]*):("[^"]*"|\S+)|"([^"]*)"|(\S+)/g)) {
    const [, key, rawValue, phrase, word] = match;
    if (key !== undefined && rawValue !== undefined) {
      const found = qualifier(key.toLowerCase(), rawValue.replace(/^"|"$/g, ''), inFields);
      if (found) predicates.push(found);
      else terms.push(`${key}:${rawValue}`.toLowerCase());
    } else {
      terms.push((phrase ?? word ?? '').toLowerCase());
    }
  }
  const fields = inFields.length > 0 ? inFields : ['name', 'description', 'topics'];
  const haystack = (r: GitHubRepository): string =>
    [
      fields.includes('name') ? r.full_name : '',
      fields.includes('description') ? (r.description ?? '') : '',
      fields.includes('topics') ? (r.topics ?? []).join(' ') : '',
    ]
      .join('\n')
      .toLowerCase();
  return (r) => predicates.every((p) => p(r)) && terms.every((t) => haystack(r).includes(t));
}
