/**
 * `npx tsx bench/build-benchmark-pairs.ts`: builds the labeled merge set from real data.
 *
 * Source: the papers of ../shared/data/arxiv that cite both a GitHub repository and a Hugging Face
 * dataset in their abstract or comment (46 real papers). Per paper three candidates:
 * - the paper, exactly as the arXiv collector builds it from the real abstract and comment (links
 *   included: every paper of this set cites its repository and dataset there, so a real collector
 *   has that evidence). `--strip-links` removes the links of every other paper (odd index) — a
 *   stress variant where those pairs must be found by names and embeddings alone;
 * - its repository (the real owner/name it cites); description = the paper's title for even
 *   index (a common practice), empty otherwise — we do not have the real repository descriptions;
 * - its dataset (the real owner/name it cites), with an empty card.
 * Labels: two candidates built from the same paper are the same benchmark (paper–repo,
 * paper–dataset, repo–dataset); candidates of different papers are different: the next paper's
 * candidates (easy negatives) and every cross-paper pair whose names overlap or share an owner
 * (hard negatives). Plus the real Hugging Face fixtures (squad vs squad_v2: different), and the
 * look-alikes of bench/benchmark-hard-negatives.ts (lists, harnesses, solvers, leaderboard dumps,
 * results tables, papers that evaluate on a benchmark), each different from what it mentions.
 * Writes tests/fixtures/benchmark-merge/candidates.jsonl (candidates-stripped.jsonl with
 * `--strip-links`; the labels are the same) and tests/fixtures/benchmark-pairs.jsonl.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { paperCandidate } from '../src/benchmarks/arxiv-benchmark-source.ts';
import { type BenchmarkCandidate, candidateId, normalizeUrl } from '../src/benchmarks/candidate.ts';
import { normName } from '../src/benchmarks/merge.ts';
import { hardNegatives } from './benchmark-hard-negatives.ts';

const DATA = resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv');
const NOW = new Date('2026-07-01T00:00:00Z');
const STRIP_LINKS = process.argv.includes('--strip-links');
const GH = /github\.com\/[\w.-]+\/[\w.-]+/i;
const HF = /huggingface\.co\/datasets\/[\w.-]+\/[\w.-]+/i;

const Raw = z.object({
  id: z.string(),
  title: z.string(),
  abstract: z.string(),
  authors: z.array(z.string()),
  categories: z.array(z.string()),
  published: z.string(),
  comment: z.string().nullish(),
});
type Raw = z.infer<typeof Raw>;

function loadPapers(): Raw[] {
  return readdirSync(DATA)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(DATA, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => Raw.parse(JSON.parse(line)));
}

function base(
  source: BenchmarkCandidate['source'],
  url: string,
  name: string,
  title: string,
  description: string,
): BenchmarkCandidate {
  return {
    id: candidateId(source, url),
    source,
    url,
    name,
    title,
    description,
    task: [],
    modality: [],
    metrics: [],
    size: null,
    license: null,
    createdAt: null,
    updatedAt: null,
    firstSeenAt: NOW.toISOString(),
    popularity: {},
    links: [normalizeUrl(url)],
    keywords: [],
  };
}

function candidatesOf(raw: Raw, index: number) {
  const text = `${raw.abstract} ${raw.comment ?? ''}`;
  const gh = normalizeUrl(GH.exec(text)?.[0] ?? '');
  const hf = normalizeUrl(HF.exec(text)?.[0] ?? '');
  const linked = !STRIP_LINKS || index % 2 === 0;
  const strip = (s: string) => s.replace(/\S*(github\.com|huggingface\.co)\S*/gi, '');
  const paper = paperCandidate(
    {
      id: raw.id,
      version: 1,
      title: raw.title,
      abstract: linked ? raw.abstract : strip(raw.abstract),
      authors: raw.authors,
      categories: raw.categories,
      primaryCategory: raw.categories[0] ?? 'cs.AI',
      ...(linked && raw.comment ? { comment: raw.comment } : {}),
      published: new Date(raw.published).toISOString(),
      updated: new Date(raw.published).toISOString(),
      absUrl: `https://arxiv.org/abs/${raw.id}`,
      pdfUrl: `https://arxiv.org/pdf/${raw.id}`,
    },
    undefined,
    NOW,
  );
  const [, owner = '', repoName = ''] = gh.split('/');
  const repo = base(
    'github',
    `https://${gh}`,
    repoName,
    `${owner}/${repoName}`,
    index % 2 === 0 ? raw.title : '',
  );
  const [, , dsOwner = '', dsName = ''] = hf.split('/');
  const dataset = base('huggingface', `https://${hf}`, dsName, `${dsOwner}/${dsName}`, '');
  return { paper, repo, dataset, owners: [owner.toLowerCase(), dsOwner.toLowerCase()] };
}

const overlap = (a: BenchmarkCandidate, b: BenchmarkCandidate): boolean => {
  const x = normName(a.name);
  const y = normName(b.name);
  return x.length >= 4 && y.length >= 4 && (x.includes(y) || y.includes(x));
};

function main(): void {
  const papers = loadPapers().filter(
    (p) => GH.test(`${p.abstract} ${p.comment ?? ''}`) && HF.test(`${p.abstract} ${p.comment ?? ''}`),
  );
  const groups = papers.map(candidatesOf);
  const pairs: Array<{ a: string; b: string; same: boolean; kind: string }> = [];
  groups.forEach((g, i) => {
    pairs.push({ a: g.paper.id, b: g.repo.id, same: true, kind: 'paper-repo' });
    pairs.push({ a: g.paper.id, b: g.dataset.id, same: true, kind: 'paper-dataset' });
    pairs.push({ a: g.repo.id, b: g.dataset.id, same: true, kind: 'repo-dataset' });
    const next = groups[(i + 1) % groups.length];
    if (!next || next === g) return;
    pairs.push({ a: g.paper.id, b: next.repo.id, same: false, kind: 'paper-repo' });
    pairs.push({ a: g.repo.id, b: next.dataset.id, same: false, kind: 'repo-dataset' });
    pairs.push({ a: g.paper.id, b: next.dataset.id, same: false, kind: 'paper-dataset' });
  });
  groups.forEach((g, i) => {
    groups.forEach((h, j) => {
      if (j <= i) return;
      const sharedOwner = g.owners.some((o) => o !== '' && h.owners.includes(o));
      for (const [a, b] of [
        [g.repo, h.dataset],
        [g.dataset, h.repo],
        [g.paper, h.repo],
        [g.paper, h.dataset],
        [h.paper, g.repo],
        [h.paper, g.dataset],
      ] as const) {
        if (sharedOwner || overlap(a, b))
          pairs.push({ a: a.id, b: b.id, same: false, kind: 'hard-negative' });
      }
    });
  });
  const squad = base(
    'huggingface',
    'https://huggingface.co/datasets/rajpurkar/squad',
    'squad',
    'rajpurkar/squad',
    'Dataset Card for SQuAD',
  );
  const squad2 = base(
    'huggingface',
    'https://huggingface.co/datasets/rajpurkar/squad_v2',
    'squad_v2',
    'rajpurkar/squad_v2',
    'Dataset Card for SQuAD 2.0. Stanford Question Answering Dataset.',
  );
  pairs.push({ a: squad.id, b: squad2.id, same: false, kind: 'hard-negative' });
  const negatives = hardNegatives(groups);
  pairs.push(...negatives.pairs);
  const candidates = [
    ...groups.flatMap((g) => [g.paper, g.repo, g.dataset]),
    squad,
    squad2,
    ...negatives.candidates,
  ];
  const unique = [...new Map(candidates.map((c) => [c.id, c])).values()].sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  mkdirSync('tests/fixtures/benchmark-merge', { recursive: true });
  writeFileSync(
    `tests/fixtures/benchmark-merge/candidates${STRIP_LINKS ? '-stripped' : ''}.jsonl`,
    unique.map((c) => `${JSON.stringify(c)}\n`).join(''),
  );
  writeFileSync('tests/fixtures/benchmark-pairs.jsonl', pairs.map((p) => `${JSON.stringify(p)}\n`).join(''));
  process.stdout.write(
    `${papers.length} papers, ${unique.length} candidates, ${pairs.length} pairs (${pairs.filter((p) => p.same).length} same)\n`,
  );
}

main();
