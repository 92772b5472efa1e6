/**
 * Whether two candidates from different sources are one benchmark, and how strong the evidence
 * is. Only a candidate's own naming counts — its name, its title (a paper's title, a dataset's
 * pretty name, a repository's owner/name) and the name a description opens with ("ParseBench: …")
 * — never a name merely mentioned further on: awesome-lists, harnesses and solvers mention the
 * benchmarks they collect or solve. Links and arXiv ids count from a paper and from a dataset card
 * (a card's GitHub link only when it is the card's one GitHub link: cards also link the harness
 * they were run with), never from a repository description (solvers cite the benchmark's paper),
 * and not from a candidate that links many benchmarks (a list).
 */
import type { BenchmarkCandidate } from './candidate.ts';

export type Vector = Float32Array | readonly number[];

export type SameReason = 'linked' | 'arxiv-id' | 'name' | 'title';

/** Higher is stronger: merges are made strongest first. */
export const REASON_STRENGTH: Record<SameReason, number> = { linked: 4, 'arxiv-id': 3, name: 2, title: 1 };

/** Words that do not name a benchmark on their own, stripped from either end of a name. */
const AFFIXES = new Set([
  'the',
  'a',
  'an',
  'official',
  'code',
  'repo',
  'repository',
  'release',
  'public',
  'hf',
  'data',
  'dataset',
  'datasets',
  'benchmark',
  'benchmarks',
  'eval',
  'evals',
  'evaluation',
  'leaderboard',
  'suite',
  'test',
  'testset',
]);
const GENERIC = new Set([...AFFIXES, 'bench', 'llm', 'llms', 'tasks', 'task', 'ai', 'agent', 'agents']);
/** A candidate linking more than this many benchmark-like URLs is a list: its links are not evidence. */
const MAX_OWN_LINKS = 3;

export const normName = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '');

/** "run-llama/ParseBench_v2" → ["parse", "bench", "v2"]: words of a name, camel case split. */
export function nameWords(text: string): string[] {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The key of a name: its words without generic affixes, joined ('' when nothing specific is left). */
export function nameKey(text: string): string {
  const words = nameWords(text.replace(/^.*\//, ''));
  let start = 0;
  let end = words.length;
  while (start < end && AFFIXES.has(words[start] ?? '')) start++;
  while (end > start && AFFIXES.has(words[end - 1] ?? '')) end--;
  const key = words.slice(start, end).join('');
  if (key.length >= 3 && !GENERIC.has(key)) return key;
  // Generic words only ("agent-benchmark"): the whole name, when it is more than one generic word.
  const whole = words.join('');
  return words.length >= 2 && whole.length >= 8 ? whole : '';
}

/**
 * The name a description opens with: "ParseBench: …", "ParseBench — …", and for repositories and
 * datasets "ParseBench is a …" (a paper's abstract opens with its topic, not its name).
 */
export function leadingName(description: string, source: BenchmarkCandidate['source']): string {
  const ends = source === 'arxiv' ? '(?::|—|–| - )' : '(?::|—|–| - | is an? )';
  const m = new RegExp(`^\\s*(?:the\\s+)?([A-Za-z][\\w.+-]{1,40}?)\\s*${ends}`, 'i').exec(description);
  return m?.[1] ?? '';
}

/** "somalibenchv0" → "somalibench": a trailing version names the same benchmark across sources. */
const unversioned = (key: string): string => key.replace(/v\d+$/, '');

export interface Prepared {
  c: BenchmarkCandidate;
  own: string;
  /** Links that count as evidence: none for a list. */
  links: Set<string>;
  arxivIds: Set<string>;
  /** Keys of its own names (name, pretty name/title for datasets, the leading name of its description). */
  keys: Set<string>;
  /** The words of a paper's title (a repository name in a paper title is a title match). */
  titleWords: Set<string>;
  titleKey: string;
}

const INTRODUCED =
  /\b(?:introduce|present|propose|release|construct|build|curate|named|called|dubbed)\s+(?:a |an |the )?(?:new |novel )?(?:\\\w+\{)?([A-Z][\w-]*[A-Z0-9][\w-]*)/g;

/** "We introduce Humanity's Last Exam (HLE), …": the acronym in brackets is its short name. */
const ACRONYM = /\b(?:introduce|present|propose|release)\s[^.()]{0,60}\(([A-Z][\w-]*[A-Z][\w-]*)\)/g;
const OURS =
  /\b(?:our|the proposed|the new|we provide [\w\s]{0,30}? the)\s+([A-Z][\w-]*[A-Z0-9][\w-]*)\s+(?:dataset|benchmark|corpus|suite|testbed)\b/g;

/**
 * Names a paper gives what it introduces ("We introduce \textbf{AgentViSS}, …", "the proposed
 * OpenRR-5k dataset"): its own naming, unlike a benchmark it evaluates on.
 */
export function introducedNames(abstract: string): string[] {
  const found = [...abstract.matchAll(INTRODUCED), ...abstract.matchAll(ACRONYM), ...abstract.matchAll(OURS)];
  const names = found.map((m) => m[1] ?? '');
  return [...new Set(names)].slice(0, 4);
}

function ownKeys(c: BenchmarkCandidate): Set<string> {
  const names = [c.name, leadingName(c.description, c.source)];
  if (c.source === 'huggingface') names.push(c.title);
  if (c.source === 'arxiv')
    names.push(/^([^:]{2,40}):/.exec(c.title)?.[1] ?? '', ...introducedNames(c.description));
  const keys = names
    .map(nameKey)
    .filter(Boolean)
    .map(unversioned)
    .filter((k) => k.length >= 3);
  // "LARY: … Benchmark" ships as LARYBench: a paper's name with "bench" is still its own.
  const benched =
    c.source === 'arxiv' ? keys.filter((k) => !k.endsWith('bench')).map((k) => `${k}bench`) : [];
  return new Set([...keys, ...benched]);
}

/** A leaderboard run dump or a results table: it cites the benchmarks it ran, it is none of them. */
const DERIVED =
  /^evaluation run of\b|\bautomatically created during the evaluation run\b|\bresults? (table|of \d+ models)\b|^details_/i;

const DERIVED_NAME =
  /(^|[-_.])(results?|predictions?|preds|outputs?|submissions?|traces|trajectories|logs|generations|responses|scores)$/i;

export const isDerived = (c: BenchmarkCandidate): boolean =>
  DERIVED.test(c.title) || DERIVED.test(c.name) || DERIVED.test(c.description) || DERIVED_NAME.test(c.name);

function evidenceLinks(c: BenchmarkCandidate, own: string): string[] {
  if (c.source === 'github' || isDerived(c)) return [];
  const others = c.links.filter((l) => l !== own && /^(github\.com|huggingface\.co)\//.test(l));
  const arxiv = c.links.filter((l) => l !== own && l.startsWith('arxiv.org/abs/'));
  // Spaces and models a paper releases beside its code and data are not benchmarks a list collects.
  const benchmarkLike = others.filter((l) => /^(github\.com|huggingface\.co\/datasets)\//.test(l));
  if (benchmarkLike.length > MAX_OWN_LINKS || arxiv.length > MAX_OWN_LINKS) return [];
  const github = others.filter((l) => l.startsWith('github.com/'));
  const keep = (l: string) =>
    c.source !== 'huggingface' || !l.startsWith('github.com/') || github.length === 1;
  return [...others, ...arxiv].filter(keep);
}

export function prepare(c: BenchmarkCandidate): Prepared {
  const own = c.links[0] ?? '';
  const links = evidenceLinks(c, own);
  return {
    c,
    own,
    links: new Set(links),
    arxivIds: new Set(links.flatMap((l) => /^arxiv\.org\/abs\/(.+)$/.exec(l)?.[1] ?? [])),
    keys: ownKeys(c),
    titleWords: new Set(c.source === 'arxiv' ? nameWords(c.title) : []),
    titleKey: normName(c.title),
  };
}

const sharesKey = (a: Prepared, b: Prepared): boolean => [...a.keys].some((k) => b.keys.has(k));

/** A repository or dataset whose name sits in a paper's title as a whole word ("LARYBench: …"). */
function inPaperTitle(paper: Prepared, other: Prepared): boolean {
  if (paper.c.source !== 'arxiv') return false;
  return [...other.keys].some((k) => k.length >= 5 && paper.titleWords.has(k));
}

/**
 * A name that extends the other's by a specific word ("parsebench" → "parsebenchagent"): a
 * solver, a harness or a results table for that benchmark, not the benchmark.
 */
function extendsName(a: Prepared, b: Prepared): boolean {
  const longer = (x: Prepared, y: Prepared) =>
    [...x.keys].some((k) => [...y.keys].some((j) => k !== j && k.startsWith(j)));
  return !sharesKey(a, b) && (longer(a, b) || longer(b, a));
}

function linked(a: Prepared, b: Prepared): boolean {
  return b.links.has(a.own) || a.links.has(b.own);
}

export function judgePrepared(a: Prepared, b: Prepared): SameReason | undefined {
  if (a.c.source === b.c.source) return undefined;
  // A paper citing its code or data is the strongest evidence, whatever the repository is called.
  const paperCites = (x: Prepared, y: Prepared) => x.c.source === 'arxiv' && x.links.has(y.own);
  if (paperCites(a, b) || paperCites(b, a) || linked(a, b)) return 'linked';
  if (extendsName(a, b)) return undefined;
  if (sharesKey(a, b)) return 'name';
  for (const id of a.arxivIds) if (b.arxivIds.has(id)) return 'arxiv-id';
  if (inPaperTitle(a, b) || inPaperTitle(b, a)) return 'title';
  return undefined;
}

/** Whether two candidates are one benchmark, and why (undefined: different). */
export function judgePair(a: BenchmarkCandidate, b: BenchmarkCandidate): SameReason | undefined {
  return judgePrepared(prepare(a), prepare(b));
}

/** Whether one of two same-source candidates links the other (a dataset card naming its code repo). */
export function linksOther(a: Prepared, b: Prepared): boolean {
  return linked(a, b);
}
