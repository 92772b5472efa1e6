#!/usr/bin/env node
// Keeps the architecture honest (README "Architecture"): every folder of src/ is pure unless it is
// an I/O folder or a named exception with its reason. A pure module imports — directly or through
// any chain of value imports — no I/O module (node fs/net/http/child_process…, SDK packages, the
// store, adapters, the HTTP layer, composition roots), and uses no ambient I/O or nondeterminism
// (`fetch(`, `process.env`, `Date.now()`, `Math.random()`): those reach it as dependencies.
// Also: nothing in src/ imports tests, there are no static import cycles, and stores are built only
// by the composition roots (`createFileStores`) and src/store/ itself, then passed in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The project root; a test passes a small tree of its own.
const root = process.argv[2] ? resolve(process.argv[2]) : resolve(import.meta.dirname, '..');
const src = join(root, 'src');

/** Folders (and files) whose modules may do I/O. */
const IO = [
  'src/store/',
  'src/adapters/',
  'src/http/',
  'src/log/',
  'src/cli/',
  'src/daemon/',
  'src/app/',
  'src/pipeline/build-pipeline.ts',
];

/** Composition roots: wiring, never imported by pure code. */
const ROOTS = ['src/cli/', 'src/daemon/', 'src/app/', 'src/pipeline/build-pipeline.ts'];

/** Named exceptions: modules outside the I/O folders that do I/O, each with why it lives there. */
const EXCEPTIONS = {
  'src/llm/': 'the OpenAI-compatible LLM adapter: SDK calls, with the ledger and the budget around them',
  'src/embed/backends/': 'embedder adapters: the OpenAI embeddings API, local transformers.js weights',
  'src/embed/embedder.ts': 'builds the configured embedder backend',
  'src/embed/embed-papers.ts': 'the embed job: reads papers, writes vectors through the store',
  'src/index/index-store.ts': 'the derived ANN index files under state/index (rebuildable)',
  'src/index/vector-index.ts': 'usearch, a native index that reads and writes its own files',
  'src/fulltext/fetch-text.ts': 'full-text retrieval over the HTTP layer, cached in the store',
  'src/fulltext/paper-text.ts': 'full text from the cache or the network',
  'src/fulltext/fetch-route.ts': 'one arXiv route over the HTTP layer',
  'src/fulltext/routes/': 'arXiv e-print, HTML and PDF routes (tar, unpdf) over the HTTP layer',
  'src/fulltext/latex/pandoc.ts': 'pandoc, run as a child process',
  'src/fulltext/latex/eprint-archive.ts': 'unpacks e-print archives (tar)',
  'src/fulltext/latex/latex-converter.ts': 'chooses pandoc or the built-in converter',
  'src/config/load.ts': 'reads the config file named on the command line, before any state exists',
  'src/config/env.ts': 'the one module that reads process.env (the environment, read once at start)',
  'src/digest/prompt-files.ts': 'reads the prompt templates from prompts/',
  'src/digest/summarize-deps.ts': 'wires the summarize job to its services (a composition root)',
  'src/digest/digest-job.ts': 'the summarize + related job over the store',
  'src/digest/summarize.ts': 'runs the summaries and stores them after each batch',
  'src/digest/related.ts': 'related papers through the vector index and the links store',
  'src/papers/': 'paper collection: the arXiv sources, the collect job, the bundled offline sample',
  'src/benchmarks/': 'benchmark collection jobs over the HF/GitHub/arXiv sources and the store',
  'src/insights/profile.ts': 'the interest profile job over the stores',
  'src/insights/profile-build.ts': 'builds the interest profile from the stores',
  'src/insights/trends-job.ts': 'the weekly trends job over the stores',
  'src/rank/stored-index.ts': 'near-duplicate search for the rank job over the ANN index under state/index',
  'src/tags/tag-service.ts': 'the tag vocabulary service over the tags store',
  'src/search/stored-papers-index.ts': 'the persistent BM25 index files under state/index (rebuildable)',
  'src/search/beir-run.ts': 'runs a search version over a BEIR collection read from disk',
  'src/publish/': 'publishers: the local digest files; the day read from the store',
  'src/chat/': 'chat bots: the adapters, the bot runner and the commands that read the state',
  'src/pipeline/': 'pipeline steps over their ports; the orchestrator writes run manifests',
};

/**
 * Stores are built once per process by a composition root and passed in: outside src/store/ no
 * module calls a `create…Store(` function; `createFileStores(` only in the roots.
 */
const STORE_FACTORY = /(?<!function\s+)\bcreate[A-Z]\w*Store\(/g;
const FILE_STORES = /(?<!function\s+)\bcreateFileStores\(/;

const IO_MODULES =
  /^(node:)?(fs|fs\/promises|net|http|https|http2|child_process|dgram|tls|dns|worker_threads|readline)$/;
const SDK_PACKAGES =
  /^(openai|@notionhq\/client|telegraf|@slack\/.+|@larksuiteoapi\/.+|@huggingface\/.+|hnswlib-node|usearch|unpdf|tar|pino|dotenv|cli-progress|commander|hyparquet(-writer)?|@duckdb\/.+)(\/.*)?$/;
const GLOBALS = [
  [/(?<![.\w])fetch\(/, 'fetch('],
  [/\bprocess\.env\b/, 'process.env'],
  [/\bDate\.now\(/, 'Date.now()'],
  [/\bMath\.random\(/, 'Math.random()'],
];

const matches = (rel, entries) => entries.some((p) => (p.endsWith('/') ? rel.startsWith(p) : rel === p));
const exceptionOf = (rel) =>
  Object.keys(EXCEPTIONS).find((p) => (p.endsWith('/') ? rel.startsWith(p) : rel === p));
const isIo = (rel) => matches(rel, IO) || exceptionOf(rel) !== undefined;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? files(path)
      : path.endsWith('.ts') && !path.endsWith('.d.ts')
        ? [path]
        : [];
  });
}

function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** Value imports (type-only imports vanish at run time), static and dynamic separately. */
function imports(text) {
  const staticImports = [];
  const dynamicImports = [];
  for (const match of text.matchAll(
    /^(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gm,
  )) {
    const clause = match[2].trim();
    const allTypes =
      /^\{[^}]*\}$/.test(clause) &&
      clause
        .slice(1, -1)
        .split(',')
        .every((s) => !s.trim() || /^type\s/.test(s.trim()));
    if (!match[1] && !allTypes) staticImports.push(match[3]);
  }
  for (const match of text.matchAll(/^import\s+['"]([^'"]+)['"]/gm)) staticImports.push(match[1]);
  for (const match of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) dynamicImports.push(match[1]);
  return { staticImports, dynamicImports };
}

const problems = [];
const graph = new Map(); // static value edges between local modules
const reach = new Map(); // static + dynamic value edges, for purity
const external = new Map(); // module → I/O packages it imports itself
const globalsUsed = new Map();
for (const file of files(src)) {
  const rel = relative(root, file);
  if (rel.endsWith('.test.ts')) continue;
  const text = withoutComments(readFileSync(file, 'utf8'));
  const { staticImports, dynamicImports } = imports(text);
  const local = (spec) => relative(root, resolve(dirname(file), spec));
  const edges = [];
  const all = [];
  const io = [];
  for (const spec of [...staticImports, ...dynamicImports]) {
    if (spec.includes('/tests/')) problems.push(`${rel} imports test code (${spec})`);
    if (spec.startsWith('.')) all.push(local(spec));
    else if (IO_MODULES.test(spec) || SDK_PACKAGES.test(spec)) io.push(spec);
  }
  for (const spec of staticImports) if (spec.startsWith('.')) edges.push(local(spec));
  checkStores(rel, text);
  graph.set(rel, edges);
  reach.set(rel, all);
  external.set(rel, io);
  globalsUsed.set(
    rel,
    GLOBALS.filter(([re]) => re.test(text)).map(([, name]) => name),
  );
}

function checkStores(rel, text) {
  if (rel.startsWith('src/store/')) return;
  const calls = [...new Set([...text.matchAll(STORE_FACTORY)].map((m) => m[0].slice(0, -1)))];
  if (FILE_STORES.test(text) && !matches(rel, ROOTS)) calls.push('createFileStores');
  if (calls.length > 0)
    problems.push(
      `${rel} builds its own stores (${calls.join(', ')}): take them from the Stores bundle a composition root passes in`,
    );
}

/** What a module does itself that is I/O: an I/O package or an ambient global. */
const ownIo = (rel) => external.get(rel)?.[0] ?? globalsUsed.get(rel)?.[0];

/**
 * The first chain from `start` to I/O, breadth first: a module that does I/O itself, or a
 * composition root. I/O-free modules of the I/O folders (the store's zod schemas, paths) may be
 * imported by pure code.
 */
function ioChain(start) {
  const seen = new Set([start]);
  const queue = [[start]];
  while (queue.length > 0) {
    const path = queue.shift();
    const node = path.at(-1);
    const own = ownIo(node);
    if (own) return [...path, own];
    for (const next of reach.get(node) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      if (matches(next, ROOTS)) return [...path, next];
      queue.push([...path, next]);
    }
  }
  return undefined;
}

for (const rel of graph.keys()) {
  if (isIo(rel)) continue;
  const chain = ioChain(rel);
  if (chain)
    problems.push(`${rel} is pure but reaches I/O: ${chain.join(' → ')} (pass it in, or name an exception)`);
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

const pure = [...graph.keys()].filter((rel) => !isIo(rel)).length;
if (problems.length > 0) {
  console.error(`layer check: ${problems.length} problem(s)`);
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`layer check: ${graph.size} modules (${pure} pure, checked transitively), no problems`);
