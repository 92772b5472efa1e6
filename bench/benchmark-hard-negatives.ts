/**
 * Hard negatives for the merge set, built around the real benchmarks of the pair set: the kinds
 * of candidates that absorbed benchmarks before — awesome-lists that name and link several
 * benchmarks, evaluation harnesses that support them, solver repositories named after the
 * benchmark they solve (citing its paper), leaderboard run dumps ("Evaluation run of …") and
 * results tables on the Hub, and papers that evaluate on another benchmark. Each is labeled
 * different from every member of the benchmarks it mentions.
 */
import {
  type BenchmarkCandidate,
  candidateId,
  extractUrls,
  normalizeUrl,
} from '../src/benchmarks/candidate.ts';

export interface Group {
  paper: BenchmarkCandidate;
  repo: BenchmarkCandidate;
  dataset: BenchmarkCandidate;
}

export interface LabeledPair {
  a: string;
  b: string;
  same: boolean;
  kind: string;
}

const MODELS = [
  'meta-llama__Llama-3.1-8B',
  'Qwen__Qwen2.5-7B',
  'mistralai__Mistral-7B-v0.3',
  'google__gemma-2-9b',
];

function make(
  template: BenchmarkCandidate,
  source: BenchmarkCandidate['source'],
  url: string,
  name: string,
  title: string,
  description: string,
): BenchmarkCandidate {
  const own = normalizeUrl(url);
  return {
    ...template,
    id: candidateId(source, url),
    source,
    url,
    name,
    title,
    description,
    links: [...new Set([own, ...extractUrls(description)])],
  };
}

const shownName = (g: Group): string => g.paper.name || g.repo.name;
const against = (x: BenchmarkCandidate, g: Group, kind: string): LabeledPair[] =>
  [g.paper, g.repo, g.dataset].map((m) => ({ a: x.id, b: m.id, same: false, kind }));

function listsAndHarnesses(groups: readonly Group[], t: BenchmarkCandidate) {
  const out: Array<{ c: BenchmarkCandidate; pairs: LabeledPair[] }> = [];
  for (let i = 0; i + 4 < groups.length; i += 5) {
    const five = groups.slice(i, i + 5);
    const items = five.map((g) => `${shownName(g)} (${g.repo.url}, ${g.dataset.url})`).join('; ');
    const list = make(
      t,
      'github',
      `https://github.com/awesome-evals/awesome-benchmarks-${i}`,
      `awesome-benchmarks-${i}`,
      `awesome-evals/awesome-benchmarks-${i}`,
      `A curated list of new AI benchmarks: ${items}.`,
    );
    const harness = make(
      t,
      'github',
      `https://github.com/open-evals/eval-harness-${i}`,
      `eval-harness-${i}`,
      `open-evals/eval-harness-${i}`,
      `A unified evaluation harness: run ${five.map(shownName).join(', ')} and 40 more tasks with one command. ${five.map((g) => g.paper.url).join(' ')}`,
    );
    out.push({ c: list, pairs: five.flatMap((g) => against(list, g, 'list')) });
    out.push({ c: harness, pairs: five.flatMap((g) => against(harness, g, 'harness')) });
  }
  return out;
}

function perGroup(g: Group, i: number, next: Group, t: BenchmarkCandidate) {
  const name = shownName(g);
  const slug = name.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '') || `bench-${i}`;
  const solver = make(
    t,
    'github',
    `https://github.com/agent-lab-${i}/${slug}-agent`,
    `${slug}-agent`,
    `agent-lab-${i}/${slug}-agent`,
    `Our agent reaches state of the art on ${name} (${g.paper.url}).`,
  );
  const model = MODELS[i % MODELS.length] ?? 'org__model';
  const dump = make(
    t,
    'huggingface',
    `https://huggingface.co/datasets/open-llm-leaderboard/details_${model}-${i}`,
    `details_${model}-${i}`,
    `Evaluation run of ${model.replace('__', '/')}`,
    `Dataset automatically created during the evaluation run of model ${model.replace('__', '/')} on ${name} and ${shownName(next)}. ${g.paper.url}`,
  );
  const results = make(
    t,
    'huggingface',
    `https://huggingface.co/datasets/results-hub/${slug}-results`,
    `${slug}-results`,
    `${slug} results`,
    `Results table of 30 models on ${name}.`,
  );
  const citing = {
    ...g.paper,
    id: candidateId('arxiv', `https://arxiv.org/abs/9999.${String(10000 + i)}`),
    url: `https://arxiv.org/abs/9999.${String(10000 + i)}`,
    name: '',
    title: `Scaling test-time compute for agents, part ${i}`,
    description: `We study test-time scaling and evaluate on ${name} and ${shownName(next)}, where our method improves accuracy.`,
    links: [`arxiv.org/abs/9999.${String(10000 + i)}`],
  };
  return [
    { c: solver, pairs: against(solver, g, 'solver') },
    { c: dump, pairs: [...against(dump, g, 'leaderboard-dump'), ...against(dump, next, 'leaderboard-dump')] },
    { c: results, pairs: against(results, g, 'results') },
    { c: citing, pairs: [...against(citing, g, 'mention'), ...against(citing, next, 'mention')] },
  ];
}

/** The hard-negative candidates and their labels. */
export function hardNegatives(groups: readonly Group[]): {
  candidates: BenchmarkCandidate[];
  pairs: LabeledPair[];
} {
  const template = groups[0]?.repo;
  if (!template) return { candidates: [], pairs: [] };
  const made = [
    ...listsAndHarnesses(groups, template),
    ...groups.flatMap((g, i) => perGroup(g, i, groups[(i + 1) % groups.length] ?? g, template)),
  ];
  return { candidates: made.map((m) => m.c), pairs: made.flatMap((m) => m.pairs) };
}
