/**
 * The Benchmarks database: its properties (defined like the Papers database in schema.ts, so
 * `ensureDatabase` creates and migrates it) and a merged benchmark as property values, keyed by
 * the benchmark's id in the "Benchmark ID" property.
 */
import type { MergedBenchmark } from '../../benchmarks/schemas.ts';
import type { PropertyValues } from './page-content.ts';
import { capItems, optionNames, textItems } from './rich-text.ts';
import type { DatabaseSpec, PropertySpec } from './schema.ts';

export const BENCHMARK_PROPS = {
  name: 'Name',
  benchmarkId: 'Benchmark ID',
  score: 'Score',
  sources: 'Sources',
  task: 'Task',
  modality: 'Modality',
  metrics: 'Metrics',
  paper: 'Paper',
  repository: 'Repository',
  dataset: 'Dataset',
  stars: 'Stars',
  downloads: 'Downloads',
  license: 'License',
  rubric: 'Rubric',
  description: 'Description',
  firstSeen: 'First seen',
} as const;

const P = BENCHMARK_PROPS;
const spec = (name: string, type: string, config: PropertySpec['config']): PropertySpec => ({
  name,
  type,
  config,
});
const multi = (name: string): PropertySpec =>
  spec(name, 'multi_select', () => ({ multi_select: { options: [] } }));
const rich = (name: string): PropertySpec => spec(name, 'rich_text', () => ({ rich_text: {} }));
const url = (name: string): PropertySpec => spec(name, 'url', () => ({ url: {} }));
const number = (name: string): PropertySpec => spec(name, 'number', () => ({ number: { format: 'number' } }));

export const BENCHMARKS_DATABASE: DatabaseSpec = {
  name: 'Benchmarks',
  properties: [
    spec(P.name, 'title', () => ({ title: {} })),
    rich(P.benchmarkId),
    number(P.score),
    multi(P.sources),
    multi(P.task),
    multi(P.modality),
    multi(P.metrics),
    url(P.paper),
    url(P.repository),
    url(P.dataset),
    number(P.stars),
    number(P.downloads),
    rich(P.license),
    rich(P.rubric),
    rich(P.description),
    spec(P.firstSeen, 'date', () => ({ date: {} })),
  ],
};

const richText = (text: string) => ({ rich_text: capItems(textItems(text)) });

function rubricText(b: MergedBenchmark): string {
  const r = b.rubric;
  if (!r) return '';
  const axes = (['relevance', 'novelty', 'rigor', 'adoption'] as const).map(
    (k) => `${k} ${r[k].score}: ${r[k].reason}`,
  );
  return `overall ${r.overall} — ${axes.join(' · ')}`;
}

/** Property values for a create or an update; values the benchmark lacks are left out. */
export function benchmarkProperties(b: MergedBenchmark): PropertyValues {
  const values: PropertyValues = {
    title: { title: capItems(textItems(b.name.trim() || b.title)) },
    [P.benchmarkId]: richText(b.id),
    [P.sources]: { multi_select: optionNames(b.sources) },
    [P.task]: { multi_select: optionNames(b.task) },
    [P.modality]: { multi_select: optionNames(b.modality) },
    [P.metrics]: { multi_select: optionNames(b.metrics) },
    [P.description]: richText(b.description),
    [P.firstSeen]: { date: { start: b.firstSeenAt.slice(0, 10) } },
  };
  const links: Array<[string, string | undefined]> = [
    [P.paper, b.urls.arxiv[0]],
    [P.repository, b.urls.github[0]],
    [P.dataset, b.urls.huggingface[0]],
  ];
  for (const [name, link] of links) if (link) values[name] = { url: link };
  if (b.score !== null) values[P.score] = { number: b.score };
  if (b.rubric) values[P.rubric] = richText(rubricText(b));
  if (b.popularity.stars !== undefined) values[P.stars] = { number: b.popularity.stars };
  if (b.popularity.downloads !== undefined) values[P.downloads] = { number: b.popularity.downloads };
  if (b.license) values[P.license] = richText(b.license);
  return values;
}
