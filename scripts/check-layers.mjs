#!/usr/bin/env node
// Keeps the architecture honest: pure modules import no I/O, the store is the only code that
// knows file formats, nothing in src/ imports tests, and there are no import cycles.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const src = join(root, 'src');

/** Modules (folders or files) that must stay pure: no node I/O, no network, no store. */
const PURE = [
  'src/core/',
  'src/rank/logistic-regression.ts',
  'src/rank/metrics.ts',
  'src/rank/sampling.ts',
  'src/rank/prng.ts',
  'src/embed/text-features.ts',
  'src/text/tokenize.ts',
  'src/text/stop-words.ts',
  'src/search/bm25/',
  'src/tags/normalize.ts',
  'src/tags/vocabulary.ts',
  'src/insights/kmeans.ts',
  'src/insights/silhouette.ts',
  'src/insights/trends.ts',
  'src/fulltext/sections.ts',
  'src/fulltext/truncate.ts',
  'src/digest/extractive-summary.ts',
  'src/digest/prompt-template.ts',
  'src/publish/local/render-html.ts',
  'src/publish/local/render-markdown.ts',
  'src/pipeline/run-summary.ts',
  'src/llm/json-repair.ts',
  'src/llm/cost.ts',
  'src/daemon/schedule.ts',
  'src/daemon/health.ts',
  'src/evals/run-layout/',
  'src/evals/generation/',
];
const IO_MODULES = /^(node:)?(fs|fs\/promises|net|http|https|child_process|dgram|tls)$/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Static value imports (type-only imports vanish at run time) and dynamic imports, separately. */
function imports(file) {
  const text = readFileSync(file, 'utf8');
  const staticImports = [];
  const dynamicImports = [];
  for (const match of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
    if (!match[1]) staticImports.push(match[2]);
  }
  for (const match of text.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) staticImports.push(match[1]);
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) dynamicImports.push(match[1]);
  return { staticImports, dynamicImports };
}

const problems = [];
const graph = new Map();
for (const file of files(src)) {
  const rel = relative(root, file);
  const isTest = rel.endsWith('.test.ts');
  const edges = [];
  const { staticImports, dynamicImports } = imports(file);
  for (const spec of [...staticImports, ...dynamicImports]) {
    if (!isTest && spec.includes('/tests/')) problems.push(`${rel} imports test code (${spec})`);
    if (PURE.some((p) => (p.endsWith('/') ? rel.startsWith(p) : rel === p)) && !isTest) {
      if (IO_MODULES.test(spec)) problems.push(`${rel} is pure but imports ${spec}`);
      if (spec.includes('/store/') || spec.includes('/http/'))
        problems.push(`${rel} is pure but imports ${spec}`);
    }
  }
  // Cycles are checked on static imports only: a dynamic import loads lazily and may close a loop.
  for (const spec of staticImports) {
    if (spec.startsWith('.') && !isTest) edges.push(relative(root, resolve(dirname(file), spec)));
  }
  graph.set(rel, edges);
}

// Static import cycles (dynamic imports are allowed to close a loop lazily).
const state = new Map();
function visit(node, stack) {
  state.set(node, 'open');
  for (const next of graph.get(node) ?? []) {
    if (state.get(next) === 'open') problems.push(`import cycle: ${[...stack, node, next].join(' → ')}`);
    else if (!state.has(next)) visit(next, [...stack, node]);
  }
  state.set(node, 'done');
}
for (const node of graph.keys()) if (!state.has(node)) visit(node, []);

if (problems.length > 0) {
  console.error(`layer check: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`layer check: ${graph.size} modules, no problems`);
