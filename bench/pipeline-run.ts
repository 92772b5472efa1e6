/**
 * One daily run of the real `radar run --once --online` (a child
 * process) against the fakes: 500 new papers on the arXiv fake, the OpenAI fake answering with
 * 1.5–4 s of latency, the Notion fake enforcing 3 requests/s (429 + Retry-After beyond), the
 * Telegram fake; the state already holds 100k papers with their vectors, index and 400 labels.
 * Prints the total wall time, each step's time (from the run's manifest) with the RSS peak sampled
 * while it ran, and the run's peak RSS. The summarize step is set against its LLM latency floor:
 * from the fake's drawn latencies and the provider's concurrency limit, no schedule can finish the
 * calls sooner than max(sum of latencies / limit, the longest summary + related-call chain).
 * Run by bench/pipeline.ts (100k, targets under 60 s and 500 MB) and bench/scale.ts (1M, under
 * 10 min and 1.5 GB); summarize within 1.5× its floor either way.
 * Env: RADAR_BENCH_ARXIV_DIR (data, default ../shared/data/arxiv), RADAR_BENCH_NODE_ARGS (extra node
 * flags for the run, e.g. `--trace-gc`), RADAR_BENCH_OUT (a file for the run's stdout and stderr).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { LEXICAL_MODEL } from '../src/rank/lexical/vocabulary-state.ts';
import { createRunsStore, type RunManifest } from '../src/store/runs-store.ts';
import { type FakePaper, papersFromJsonl } from '../tests/fakes/arxiv-fake.ts';
import { type PipelineFakes, pipelineSetup, startPipelineFakes } from '../tests/helpers/pipeline-fakes.ts';
import { RADAR_BIN } from '../tests/helpers/run-cli.ts';
import { VM_HWM_KB } from './peak-rss.ts';
import { type LlmCall, llmFloor, recordLlmCalls } from './pipeline-llm.ts';
import { heldOutLines, SEED_MODEL, seededState } from './pipeline-seed.ts';
import { ARXIV_DIR, arxivDataExists } from './store-data.ts';

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const PICKS = 20;
/** The provider's concurrency limit in the bench's config (tests/helpers/pipeline-fakes.ts). */
const LLM_LIMIT = 10;
const FLOOR_FACTOR = 1.5;

/** The held-out dump lines as papers under new ids (`2611.1xxxx`, after the seeded months), published in the last day. */
function newPapers(lines: readonly string[]): FakePaper[] {
  const now = Date.now();
  return papersFromJsonl(lines).map((paper, i) => {
    const at = new Date(now - 60_000 - i * 150_000).toISOString().replace(/\.\d+Z$/, 'Z');
    return { ...paper, id: `2611.${String(10_000 + i)}`, published: at, updated: at };
  });
}

interface RssSample {
  at: number;
  mb: number;
  /** The child's user + system CPU so far, in seconds (from /proc/<pid>/stat). */
  cpuS: number;
}

interface ChildResult {
  code: number | null;
  rssMb: number;
  wallMs: number;
  /** The run's user + system CPU time: steadier than wall time on a shared machine. */
  cpuMs: number;
  stdout: string;
  /** The child's RSS every 100 ms (from /proc), to tell which step peaks. */
  samples: RssSample[];
}

function readFileIfExists(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const CLOCK_TICKS = 100;

/** The highest sampled RSS while a step ran, and the CPU seconds it took (sampled). */
function stepPeak(samples: readonly RssSample[], step: RunManifest['steps'][number]): string {
  const from = Date.parse(step.startedAt ?? '');
  const to = Date.parse(step.finishedAt ?? '');
  const inStep = samples.filter((x) => x.at >= from && x.at <= to);
  const first = inStep[0];
  const last = inStep.at(-1);
  if (!first || !last) return '';
  const peak = Math.max(...inStep.map((x) => x.mb));
  return `peak ${peak.toFixed(0).padStart(4)} MB  CPU ${(last.cpuS - first.cpuS).toFixed(1).padStart(5)} s`;
}

const RssLine = z.object({ maxRssKb: z.number(), wallMs: z.number(), cpuUs: z.number() });

/** The CLI in a child process, with a preload that prints its peak RSS as it exits. */
async function runChild(cwd: string, env: Record<string, string>): Promise<ChildResult> {
  const hook = join(cwd, 'rss-hook.mjs');
  const print = `JSON.stringify({ maxRssKb: ${VM_HWM_KB}, wallMs: performance.now() - t0, cpuUs: process.cpuUsage().user + process.cpuUsage().system })`;
  writeFileSync(
    hook,
    `import { readFileSync } from 'node:fs';\nconst t0 = performance.now();\nprocess.on('exit', () => process.stderr.write('BENCH_RSS ' + ${print} + '\\n'));\n`,
  );
  const nodeArgs = (process.env.RADAR_BENCH_NODE_ARGS ?? '').split(' ').filter((a) => a !== '');
  const args = [...nodeArgs, '--import', hook, RADAR_BIN, 'run', '--once', '--online'];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, RADAR_LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => {
    stdout += c;
  });
  child.stderr.setEncoding('utf8').on('data', (c: string) => {
    stderr += c;
  });
  const samples: RssSample[] = [];
  const sampler = setInterval(() => {
    const status = child.pid === undefined ? '' : readFileIfExists(`/proc/${child.pid}/status`);
    const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    const stat = child.pid === undefined ? '' : readFileIfExists(`/proc/${child.pid}/stat`);
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const ticks = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpuS = (Number(ticks[11] ?? 0) + Number(ticks[12] ?? 0)) / CLOCK_TICKS;
    if (kb) samples.push({ at: Date.now(), mb: Number(kb) / 1024, cpuS });
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  const line = /BENCH_RSS (.+)/.exec(stderr)?.[1];
  const parsed = RssLine.safeParse(line ? JSON.parse(line) : undefined);
  if (!parsed.success) throw new Error(`the run printed no RSS line (exit ${code}): ${stderr.slice(-2000)}`);
  const errors = stderr.split('\n').filter((l) => /"level":(50|60)/.test(l));
  if (errors.length > 0) out(`errors logged by the run:\n${errors.slice(0, 5).join('\n')}`);
  if (process.env.RADAR_BENCH_OUT) writeFileSync(process.env.RADAR_BENCH_OUT, `${stdout}\n${stderr}`);
  const { maxRssKb, wallMs, cpuUs } = parsed.data;
  return { code, rssMb: maxRssKb / 1024, wallMs, cpuMs: cpuUs / 1000, stdout, samples };
}

function summarizeLine(manifest: RunManifest | undefined, calls: readonly LlmCall[]): string {
  const step = manifest?.steps.find((x) => x.name === 'summarize');
  const floor = llmFloor(calls, LLM_LIMIT);
  const ms = step?.durationMs ?? 0;
  const ratio = floor.floorMs > 0 ? ms / floor.floorMs : 0;
  return [
    `summarize ${(ms / 1000).toFixed(1)} s vs LLM latency floor ${(floor.floorMs / 1000).toFixed(1)} s`,
    `(${calls.length} calls, ${(floor.totalMs / 1000).toFixed(1)} s of latency / ${LLM_LIMIT} in flight = ${(floor.throughputMs / 1000).toFixed(1)} s;`,
    `longest summary + related chain ${(floor.chainMs / 1000).toFixed(1)} s; calls spanned ${(floor.spanMs / 1000).toFixed(1)} s)`,
    `= ${ratio.toFixed(2)}× the floor, target < ${FLOOR_FACTOR}×: ${ratio > 0 && ratio < FLOOR_FACTOR ? 'met' : 'MISSED'}`,
  ].join(' ');
}

export interface PipelineBenchOptions {
  /** Papers in the stored state. */
  size: number;
  /** New papers the day's run collects. */
  newPapers: number;
  /** Mixed abstracts for every repetition of the corpus after the first (see bench/store-data.ts). */
  mixAbstracts?: boolean;
  /**
   * `ranking.models` of the run: the seed's embedding model (default; the dense classifier, which
   * opens the model's ANN graph for near-duplicates) or `tfidf`, the app's default (the seed then
   * holds the vocabulary and labeled rows a previous day's rank left, unless `refit`).
   */
  rank?: string;
  /** With `tfidf`: no stored vocabulary, so the run fits it over every paper (a refit day). */
  refit?: boolean;
  targetMs: number;
  targetRssMb: number;
}

function report(
  manifest: RunManifest | undefined,
  child: ChildResult,
  fakes: PipelineFakes,
  calls: readonly LlmCall[],
  { targetMs, targetRssMb }: PipelineBenchOptions,
): void {
  const s = (ms: number | undefined): string => `${((ms ?? 0) / 1000).toFixed(1)} s`;
  out(`\nrun ${manifest?.runId}: ${manifest?.status} (exit ${child.code})`);
  for (const step of manifest?.steps ?? [])
    out(
      `  ${step.name.padEnd(10)} ${s(step.durationMs).padStart(8)}  ${stepPeak(child.samples, step).padEnd(25)}  ${step.note ?? ''}`,
    );
  const stats = fakes.notion.stats();
  out(`  Notion fake: ${fakes.notion.requests.length} requests, stats ${JSON.stringify(stats)}`);
  out(
    `  LLM fake: ${fakes.openai.chatRequests().length} chat requests; Telegram fake: ${fakes.telegram.sentMessages().length} messages`,
  );
  out(summarizeLine(manifest, calls));
  out(
    `\ntotal wall time ${s(child.wallMs)} (process start to exit; the manifest says ${s(manifest?.durationMs)}; CPU ${s(child.cpuMs)} user+sys)  target < ${s(targetMs)}: ${child.wallMs < targetMs ? 'met' : 'MISSED'}`,
  );
  out(
    `peak RSS ${child.rssMb.toFixed(0)} MB  target < ${targetRssMb} MB: ${child.rssMb < targetRssMb ? 'met' : 'MISSED'}`,
  );
}

export async function pipelineBench(options: PipelineBenchOptions): Promise<void> {
  const { size, newPapers: count } = options;
  if (!arxivDataExists()) throw new Error(`no arXiv data in ${ARXIV_DIR}`);
  const cwd = mkdtempSync(join(tmpdir(), 'radar-bench-pipeline-'));
  const fakes = await startPipelineFakes({ notionRateLimit: { perSecond: 3 } });
  try {
    const heldOut = heldOutLines(count);
    const rank = options.rank ?? SEED_MODEL;
    const lexical = rank === LEXICAL_MODEL && options.refit !== true;
    const seed = await seededState(join(cwd, 'state'), size, heldOut, out, { ...options, lexical });
    if (seed)
      out(
        `seeded in ${((seed.papersMs + seed.embedMs + seed.indexMs) / 1000).toFixed(0)} s (${JSON.stringify(seed)})`,
      );
    const papers = newPapers(heldOut);
    const calls = recordLlmCalls(fakes.openai, papers, () => 1500 + Math.random() * 2500);
    fakes.arxiv.addPapers(papers);
    for (const paper of papers) fakes.arxiv.generateFullText(paper.id);
    const categories = [...new Set(papers.map((p) => p.primaryCategory))];
    const setup = pipelineSetup(fakes, cwd, {
      picksPerDay: PICKS,
      pageSize: 200,
      categories,
      exploreShare: 0.2,
      notionRequestsPerSecond: 3,
      embedding: { active: [SEED_MODEL], models: { [SEED_MODEL]: { backend: 'hashing', dims: 384 } } },
      rankingModels: [rank],
    });
    const notionInit = spawn(
      process.execPath,
      [RADAR_BIN, 'notion', 'init', '--parent', fakes.notion.rootPageId],
      {
        cwd,
        env: { PATH: process.env.PATH ?? '', HOME: cwd, RADAR_LOG_LEVEL: 'warn', ...setup.env },
        stdio: 'ignore',
      },
    );
    await new Promise((resolve) => notionInit.on('close', resolve));
    out(
      `a daily run of ${count} new papers over ${size} stored (${categories.length} categories, ${PICKS} picks; ranked by ${rank}${rank === LEXICAL_MODEL ? (lexical ? ', vocabulary fitted on an earlier day' : ', vocabulary fitted in this run') : ''})`,
    );
    const child = await runChild(cwd, setup.env);
    const [manifest] = await createRunsStore(join(cwd, 'state')).list(1);
    report(manifest, child, fakes, calls, options);
  } finally {
    await fakes.close();
    rmSync(cwd, { recursive: true, force: true });
  }
}
