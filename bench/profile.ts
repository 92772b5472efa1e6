/**
 * `npx tsx bench/profile.ts [papers=4000]`: the interest profile on proxy users with 2, 3 and 4
 * planted interests over real arXiv papers (../shared/data/arxiv, the first N of the newest
 * files; RADAR_BENCH_ARXIV to point elsewhere). A proxy user likes the papers one keyword rule
 * of its interests matches (papers two rules match are left out). Hashing vectors, no LLM: the
 * names are the term names. Prints per user: clusters, purity (share of liked papers in a cluster
 * whose majority is their interest), which clusters name each planted interest, duplicate names.
 * Target: each planted interest named by exactly one cluster, no duplicate names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { createHashingEmbedder } from '../src/embed/backends/hashing.ts';
import { buildProfileDraft } from '../src/insights/profile-build.ts';

const DATA = resolve(process.env.RADAR_BENCH_ARXIV ?? '../shared/data/arxiv');
const Row = z.object({ id: z.string(), title: z.string(), abstract: z.string() });
type Row = z.infer<typeof Row>;

const INTERESTS: Record<string, { rule: RegExp; name: RegExp }> = {
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
const USERS: string[][] = [
  ['efficient-inference', 'robot-manipulation'],
  ['retrieval-augmented', 'diffusion-images'],
  ['efficient-inference', 'retrieval-augmented', 'robot-manipulation'],
  ['efficient-inference', 'retrieval-augmented', 'robot-manipulation', 'diffusion-images'],
];

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

async function main(): Promise<void> {
  const rows = load(Number(process.argv[2] ?? 4000));
  const embedder = createHashingEmbedder({ id: 'hashing-384', dims: 384 });
  const texts = rows.map((r) => `${r.title}\n${r.abstract}`);
  embedder.fit(texts);
  const vectors = await embedder.embed(texts);
  const data = new Float32Array(rows.length * 384);
  vectors.forEach((v, i) => {
    data.set(v, i * 384);
  });
  const matrix = { ids: rows.map((r) => r.id), dims: 384, data };
  process.stdout.write(`${rows.length} real papers; hashing vectors; names without an LLM\n`);
  let allOk = 0;
  for (const interests of USERS) {
    const planted = plant(rows, interests);
    const started = process.cpuUsage();
    const { profile, members } = buildProfileDraft({
      date: '2026-07-01',
      createdAt: '2026-07-01T00:00:00.000Z',
      model: 'hashing-384',
      seed: 42,
      matrix,
      labels: [...planted.keys()].map((id) => ({ id, label: 1 as const, at: '2026-06-30T00:00:00.000Z' })),
      papers: rows,
      tagsById: new Map(),
    });
    const cpu = process.cpuUsage(started);
    let pure = 0;
    let total = 0;
    const lines: string[] = [];
    for (const [i, interest] of profile.interests.entries()) {
      const ids = members[i] ?? [];
      const counts = new Map<string, number>();
      for (const id of ids) counts.set(planted.get(id) ?? '?', (counts.get(planted.get(id) ?? '?') ?? 0) + 1);
      const top = [...counts].sort((a, b) => b[1] - a[1])[0];
      pure += top?.[1] ?? 0;
      total += ids.length;
      const named = interests.filter((k) => INTERESTS[k]?.name.test(interest.name));
      lines.push(
        `    ${String(interest.size).padStart(4)}  ${interest.name}  [majority ${top?.[0]} ${(((top?.[1] ?? 0) / Math.max(ids.length, 1)) * 100).toFixed(0)}%; names ${named.join('+') || '–'}]${interest.spans ? `  spans: ${interest.spans.join(' + ')}` : ''}`,
      );
    }
    const namedBy = interests.map(
      (k) => profile.interests.filter((i) => INTERESTS[k]?.name.test(i.name)).length,
    );
    const names = profile.interests.map((i) => i.name);
    const duplicates = names.length - new Set(names).size;
    const ok = namedBy.every((n) => n === 1) && duplicates === 0;
    if (ok) allOk++;
    process.stdout.write(
      `\n${interests.length} interests (${interests.join(', ')}): ${planted.size} liked, ${profile.interests.length} clusters (k by silhouette ${profile.clustering.k} of ${profile.clustering.tried.map((t) => `${t.k}:${t.silhouette.toFixed(2)}`).join(' ')}), purity ${((pure / Math.max(total, 1)) * 100).toFixed(1)}%, named by ${namedBy.join('/')} cluster(s), duplicate names ${duplicates} → ${ok ? 'ok' : 'MISSED'}; CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms\n${lines.join('\n')}\n`,
    );
  }
  process.stdout.write(`\n${allOk}/${USERS.length} proxy users meet the target\n`);
}

await main();
