/**
 * Crash safety: a child process rewriting large shards is SIGKILLed 50 times at random
 * moments. After each kill every file must be a whole old or new generation, never torn or
 * mixed, and `radar state check` must be clean; the next writer takes over the dead lock.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRandom } from '../src/rank/prng.ts';
import { createEmbeddingsStore } from '../src/store/embeddings-store.ts';
import { createLabelsStore } from '../src/store/labels-store.ts';
import { createPapersStore } from '../src/store/papers-store.ts';
import { checkState, isClean } from '../src/store/state-check.ts';
import { useTempDirs } from './helpers/temp-dir.ts';

const tempDir = useTempDirs();
const KILLS = Number(process.env.RADAR_CRASH_KILLS ?? 50);
const CRASH_ROWS = 800;
/** The kill moments come from this seed; a failure prints it, and RADAR_CRASH_SEED replays it. */
const SEED = Number(process.env.RADAR_CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const WRITER = join(import.meta.dirname, 'helpers', 'crash-writer.ts');

function startWriter(stateDir: string): { child: ChildProcess; firstGen: Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WRITER, stateDir, String(CRASH_ROWS)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const firstGen = new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code, signal) =>
      reject(new Error(`writer exited early (${code ?? signal}): ${stderr}`)),
    );
  });
  return { child, firstGen };
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

function distinct(values: readonly number[]): number[] {
  return [...new Set(values)];
}

async function assertWhole(stateDir: string): Promise<number> {
  const papers = await createPapersStore(stateDir).readShard('2511');
  expect(papers).toHaveLength(CRASH_ROWS);
  const gens = distinct(papers.map((p) => p.version));
  expect(gens).toHaveLength(1);
  const gen = gens[0] ?? 0;
  expect(distinct(papers.map((p) => Number(p.title.replace('generation ', ''))))).toEqual([gen]);

  const matrix = await createEmbeddingsStore(stateDir, 'crash-model').load();
  expect(matrix.ids).toHaveLength(CRASH_ROWS);
  const vectorGens = distinct(Array.from(matrix.data));
  expect(vectorGens).toHaveLength(1);
  // Embeddings are written after papers: the same generation, or the one before.
  expect([gen, gen - 1]).toContain(vectorGens[0]);

  const labels = await createLabelsStore(stateDir).readAll();
  expect(distinct(labels.map((l) => Number(l.user))).length).toBeLessThanOrEqual(1);

  const reports = await checkState(stateDir);
  const bad = reports.filter((r) => !isClean([r]));
  expect(bad).toEqual([]);
  return gen;
}

describe('crash safety', () => {
  it(`leaves every file old or new, never torn, across ${KILLS} SIGKILLs`, async () => {
    const stateDir = tempDir();
    const random = createRandom(SEED);
    process.stdout.write(`crash safety: seed ${SEED} (replay with RADAR_CRASH_SEED=${SEED})\n`);
    let lastGen = 0;
    for (let kill_ = 0; kill_ < KILLS; kill_++) {
      const { child, firstGen } = startWriter(stateDir);
      await firstGen;
      // Kill somewhere inside a later generation's writes.
      await new Promise((resolve) => setTimeout(resolve, random() * 250));
      await kill(child);
      const gen = await assertWhole(stateDir);
      expect(gen, `seed ${SEED}, kill ${kill_ + 1}`).toBeGreaterThanOrEqual(lastGen);
      lastGen = gen;
    }
  }, 600_000);
});
