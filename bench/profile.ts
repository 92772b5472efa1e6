/**
 * `npx tsx bench/profile.ts [papers=4000] [--held-out|--all] [--seed=42]`: the interest profile on proxy users
 * with 2, 3 and 4 planted interests over real arXiv papers (../shared/data/arxiv, the first N of
 * the newest files; RADAR_BENCH_ARXIV to point elsewhere). A proxy user likes the papers one
 * keyword rule of its interests matches (papers two rules match are left out). The development
 * users are the ones the method was worked out on; the held-out users (other interests, several
 * of them made of sub-topics like efficient inference is) are only measured. Hashing vectors, no
 * LLM: the names are the term names. Prints per user: k, clusters, purity (share of liked papers
 * in a cluster whose majority is their interest), how many planted interests exactly one cluster
 * names, duplicate names, clusters marked cross-cutting (and how many really hold two planted
 * interests, each at least a quarter of the cluster), CPU time of the profile build.
 * Target: each planted interest named by exactly one cluster, no duplicate names. Stricter, also
 * printed: each planted interest is the majority of exactly one cluster (a cluster of two interests
 * whose name carries both passes the name test but not this one).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createHashingEmbedder } from '../src/embed/backends/hashing.ts';
import { buildProfileDraft } from '../src/insights/profile-build.ts';
import type { VectorMatrix } from '../src/rank/vector-matrix.ts';

const DATA = resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv');
const Row = z.object({ id: z.string(), title: z.string(), abstract: z.string() });
type Row = z.infer<typeof Row>;

/** `rule` plants the likes; `name` is what a name of that interest is expected to contain. */
interface Interest {
  rule: RegExp;
  name: RegExp;
}

const DEVELOPMENT: Record<string, Interest> = {
  'efficient-inference': {
    rule: /speculative decoding|\bkv[- ]cache|quantiz/i,
    name: /quantiz|speculative|decoding|cache|\bkv\b|draft|ptq|bit/i,
  },
  'retrieval-augmented': { rule: /retrieval[- ]augmented generation|\bRAG\b/, name: /\brag\b|retriev/i },
  'robot-manipulation': {
    rule: /robot(?:ic)? manipulation|\bgrasp|dexterous/i,
    name: /robot|manipulat|grasp|dexterous|vla|hand/i,
  },
  'diffusion-images': {
    rule: /\bdiffusion model|text-to-image/i,
    name: /diffusion|image|denois|text-to-image/i,
  },
};

const HELD_OUT: Record<string, Interest> = {
  /** Two sub-topics: reward models, preference optimization. */
  'preference-alignment': {
    rule: /\bRLHF\b|human feedback|preference optimization|\bDPO\b|reward model/i,
    name: /rlhf|reward|preference|alignment|human feedback|dpo/i,
  },
  'medical-imaging': {
    rule: /medical imag|radiolog|\bMRI\b|\bCT\b|histopatholog|patholog/i,
    name: /medical|clinical|radiolog|mri|\bct\b|patholog|patient|lesion|tumou?r/i,
  },
  /** Sub-topics: Gaussian splatting, NeRF, 3D reconstruction. */
  '3d-reconstruction': {
    rule: /gaussian splatting|\bNeRFs?\b|neural radiance|3D reconstruction/i,
    name: /3d|gaussian|splatting|nerf|radiance|reconstruct|view synthesis|novel view/i,
  },
  'speech-audio': {
    rule: /speech recognition|text-to-speech|\bASR\b|\bTTS\b|spoken/i,
    name: /speech|\basr\b|\btts\b|spoken|audio|voice/i,
  },
  'code-generation': {
    rule: /code generation|program synthesis|software engineering|\bSWE-bench/i,
    name: /code|program|software|swe/i,
  },
  'autonomous-driving': {
    rule: /autonomous driving|self-driving|\bmotion planning|trajectory prediction/i,
    name: /driving|autonomous|vehicle|trajector|motion planning/i,
  },
  'mathematical-reasoning': {
    rule: /mathematical reasoning|theorem proving|\bmath word|olympiad/i,
    name: /math|theorem|olympiad|proof|prover/i,
  },
};

const USERS: Record<'development' | 'held-out', string[][]> = {
  development: [
    ['efficient-inference', 'robot-manipulation'],
    ['retrieval-augmented', 'diffusion-images'],
    ['efficient-inference', 'retrieval-augmented', 'robot-manipulation'],
    ['efficient-inference', 'retrieval-augmented', 'robot-manipulation', 'diffusion-images'],
  ],
  'held-out': [
    ['preference-alignment', 'medical-imaging'],
    ['3d-reconstruction', 'speech-audio', 'code-generation'],
    ['autonomous-driving', 'preference-alignment', '3d-reconstruction', 'mathematical-reasoning'],
  ],
};
const INTERESTS: Record<string, Interest> = { ...DEVELOPMENT, ...HELD_OUT };

function load(limit: number): Row[] {
  const files = readdirSync(DATA)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .reverse();
  const rows: Row[] = [];
  for (const file of files) {
    for (const line of readFileSync(join(DATA, file), 'utf8').split('\n')) {
      if (line.trim() === '' || rows.length >= limit) continue;
      rows.push(Row.parse(JSON.parse(line)));
    }
    if (rows.length >= limit) break;
  }
  return rows;
}

function plant(rows: readonly Row[], interests: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const row of rows) {
    const text = `${row.title} ${row.abstract}`;
    const hits = interests.filter((k) => INTERESTS[k]?.rule.test(text));
    if (hits.length === 1 && hits[0]) out.set(row.id, hits[0]);
  }
  return out;
}

async function hashingMatrix(rows: readonly Row[]): Promise<VectorMatrix> {
  const embedder = createHashingEmbedder({ id: 'hashing-384', dims: 384 });
  const texts = rows.map((r) => `${r.title}\n${r.abstract}`);
  embedder.fit(texts);
  const vectors = await embedder.embed(texts);
  const data = new Float32Array(rows.length * 384);
  vectors.forEach((v, i) => {
    data.set(v, i * 384);
  });
  return { ids: rows.map((r) => r.id), dims: 384, data };
}

interface Outcome {
  ok: boolean;
  /** `ok`, and each planted interest the majority of exactly one cluster. */
  strict: boolean;
  line: string;
}

function measure(
  rows: readonly Row[],
  matrix: VectorMatrix,
  interests: readonly string[],
  seed: number,
): Outcome {
  const planted = plant(rows, interests);
  const started = process.cpuUsage();
  const { profile, members } = buildProfileDraft({
    date: '2026-07-01',
    createdAt: '2026-07-01T00:00:00.000Z',
    model: 'hashing-384',
    seed,
    matrix,
    labels: [...planted.keys()].map((id) => ({ id, label: 1 as const, at: '2026-06-30T00:00:00.000Z' })),
    papers: rows,
    tagsById: new Map(),
  });
  const cpu = process.cpuUsage(started);
  let pure = 0;
  let total = 0;
  const lines: string[] = [];
  let crossCutting = 0;
  let genuine = 0;
  const majorities: string[] = [];
  for (const [i, interest] of profile.interests.entries()) {
    const ids = members[i] ?? [];
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(planted.get(id) ?? '?', (counts.get(planted.get(id) ?? '?') ?? 0) + 1);
    const top = [...counts].sort((a, b) => b[1] - a[1])[0];
    pure += top?.[1] ?? 0;
    majorities.push(top?.[0] ?? '?');
    total += ids.length;
    const named = interests.filter((k) => INTERESTS[k]?.name.test(interest.name));
    const share = (((top?.[1] ?? 0) / Math.max(ids.length, 1)) * 100).toFixed(0);
    // Genuinely cross-cutting: at least a quarter of the cluster from each of two planted interests.
    const twoThemes = [...counts].filter(([k, n]) => k !== '?' && n >= 0.25 * ids.length).length >= 2;
    if (interest.spans) {
      crossCutting++;
      if (twoThemes) genuine++;
    }
    const spans = interest.spans
      ? `  spans: ${interest.spans.join(' + ')}${twoThemes ? ' (two planted themes)' : ''}`
      : '';
    lines.push(
      `    ${String(interest.size).padStart(4)}  ${interest.name}  [majority ${top?.[0]} ${share}%; names ${named.join('+') || '–'}]${spans}`,
    );
  }
  const namedBy = interests.map(
    (k) => profile.interests.filter((i) => INTERESTS[k]?.name.test(i.name)).length,
  );
  const names = profile.interests.map((i) => i.name);
  const duplicates = names.length - new Set(names).size;
  const once = namedBy.filter((n) => n === 1).length;
  const ok = once === interests.length && duplicates === 0;
  const majorityOf = interests.map((k) => majorities.filter((m) => m === k).length);
  const strict = ok && majorityOf.every((n) => n === 1);
  const tried = profile.clustering.tried.map((t) => `${t.k}:${t.silhouette.toFixed(2)}`).join(' ');
  const head = [
    `${interests.length} interests (${interests.join(', ')}): ${planted.size} liked`,
    `k-means k ${tried} → ${profile.interests.length} interests`,
    `purity ${((pure / Math.max(total, 1)) * 100).toFixed(1)}%`,
    `named once ${once}/${interests.length} (by ${namedBy.join('/')} clusters)`,
    `duplicate names ${duplicates} → ${ok ? 'ok' : 'MISSED'}`,
    `majority of ${majorityOf.join('/')} clusters → ${strict ? 'strict ok' : 'strict MISSED'}`,
    `cross-cutting ${crossCutting} (${genuine} of two planted themes)`,
    `CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`,
  ].join('; ');
  return { ok, strict, line: `\n${head}\n${lines.join('\n')}\n` };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const limit = Number(args.find((a) => /^\d+$/.test(a)) ?? 4000);
  const seedArg = args.find((a) => a.startsWith('--seed='));
  const seed = Number(seedArg?.slice('--seed='.length) ?? 42);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be an integer, got ${seedArg}`);
  const sets: Array<keyof typeof USERS> = args.includes('--all')
    ? ['development', 'held-out']
    : args.includes('--held-out')
      ? ['held-out']
      : ['development'];
  const rows = load(limit);
  const matrix = await hashingMatrix(rows);
  process.stdout.write(`${rows.length} real papers; hashing vectors; names without an LLM\n`);
  for (const set of sets) {
    process.stdout.write(`\n== ${set} proxy users ==\n`);
    let met = 0;
    let strict = 0;
    for (const interests of USERS[set]) {
      const outcome = measure(rows, matrix, interests, seed);
      if (outcome.ok) met++;
      if (outcome.strict) strict++;
      process.stdout.write(outcome.line);
    }
    process.stdout.write(
      `\n${set}: ${met}/${USERS[set].length} proxy users meet the target, ${strict}/${USERS[set].length} the stricter one\n`,
    );
  }
}

await main();
