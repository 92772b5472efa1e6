import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { evalRunManifestSchema } from '../../../src/evals/run-layout/schemas.ts';
import { createEvalRunStore } from '../../../src/store/eval-run-store.ts';
import { useTempDirs } from '../../helpers/temp-dir.ts';

const WRITER = join(import.meta.dirname, 'run-store-crash-writer.ts');
const KILLS = 4;
const tempDir = useTempDirs();

/** Starts the writer and SIGKILLs it once it has printed `lines` progress lines. */
function runAndKill(runsDir: string, runId: string, lines: number): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', WRITER, runsDir, runId], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve, reject) => {
    let seen = 0;
    child.stdout?.on('data', (chunk: Buffer) => {
      seen += chunk
        .toString()
        .split('\n')
        .filter((l) => l !== '').length;
      if (seen >= lines) child.kill('SIGKILL');
    });
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited (${code}): ${stderr}`)),
    );
  });
}

function tempFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.includes('.tmp-'))
    .map((e) => e.name);
}

describe('eval run layout under SIGKILL', () => {
  it('leaves every file whole: manifests parse, JSONL lines parse, io files are complete', async () => {
    const runsDir = tempDir();
    const runId = 'crash-run';
    for (let kill = 0; kill < KILLS; kill++) await runAndKill(runsDir, runId, 1 + (kill % 3));
    const store = createEvalRunStore({
      runsDir,
      manifest: evalRunManifestSchema(z.object({}), z.object({ done: z.int() })),
      caseMetrics: z.object({ n: z.int() }),
    });
    const run = await store.readRun(runId);
    expect(run).toBeDefined();
    const cases = run?.cases ?? [];
    expect(cases.length).toBeGreaterThanOrEqual(KILLS);
    // The manifest is written after the index line: it never counts more than the index holds.
    expect(run?.manifest.counts.finished).toBeLessThanOrEqual(cases.length);
    for (const entry of cases) {
      const stored = await store.readCase(runId, entry.case_id);
      expect(stored.manifest?.status).toBe('ok');
      expect(stored.metrics?.n).toBe(entry.summary.n);
      const output = await store.readCaseIo(runId, entry.case_id, 'output.txt');
      expect(output).toBe(`output ${String(entry.summary.n)} `.repeat(2000));
    }
    // Temp files of a killed write may remain (the state lock sweeps them); they are never read as data.
    expect(tempFiles(runsDir).every((name) => name.startsWith('.'))).toBe(true);
  }, 120_000);
});
