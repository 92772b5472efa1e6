import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runEmbed } from '../../src/cli/commands/embed.ts';
import { createContext } from '../../src/cli/context.ts';
import { buildProgram } from '../../src/cli/main.ts';
import { UsageError } from '../../src/core/errors.ts';
import { createEmbeddingsStore } from '../../src/store/embeddings-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import { checkState, isClean } from '../../src/store/state-check.ts';
import { samplePapers } from '../helpers/embed-sample.ts';

let cwd: string;
let stateDir: string;

beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'radar-embed-cli-'));
  stateDir = join(cwd, 'state');
  await createPapersStore(stateDir).upsert(samplePapers().slice(0, 30));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

function context(configFile?: string) {
  const ctx = createContext(configFile ? { config: configFile } : {}, cwd);
  return { ...ctx, logger: ctx.logger.child({}, { level: 'silent' }) };
}

describe('radar embed', () => {
  it('embeds the active default model, then reports only new papers', async () => {
    const lines: string[] = [];
    expect(await runEmbed(context(), {}, (l) => lines.push(l))).toBe(0);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^hashing-384: embedded 30 new papers \(0 already had vectors\) in \d+\.\d s$/);

    await createPapersStore(stateDir).upsert(samplePapers());
    expect(await runEmbed(context(), {}, (l) => lines.push(l))).toBe(0);
    expect(lines[1]).toMatch(/^hashing-384: embedded 20 new papers \(30 already had vectors\) in/);
    expect((await createEmbeddingsStore(stateDir, 'hashing-384').ids()).size).toBe(50);
    expect(isClean(await checkState(stateDir))).toBe(true);
  });

  it('runs one named model of several, and --refit re-embeds it all', async () => {
    const config = join(cwd, 'radar.config.json');
    await writeFile(
      config,
      JSON.stringify({
        embedding: {
          active: ['hashing-384', 'hashing-128'],
          models: { 'hashing-384': { backend: 'hashing' }, 'hashing-128': { backend: 'hashing', dims: 128 } },
        },
      }),
    );
    const lines: string[] = [];
    await runEmbed(context(config), { model: 'hashing-128' }, (l) => lines.push(l));
    await runEmbed(context(config), { model: 'hashing-128', refit: true }, (l) => lines.push(l));
    expect(lines[0]).toMatch(/^hashing-128: embedded 30 new papers/);
    expect(lines[1]).toMatch(/^hashing-128: re-embedded all 30 papers in/);
    expect(await createEmbeddingsStore(stateDir, 'hashing-384').shards()).toEqual([]);
  });

  it('refuses an unknown model name as a usage error', async () => {
    await expect(runEmbed(context(), { model: 'nope' }, () => undefined)).rejects.toThrow(UsageError);
  });

  it('is registered as a command with --model, --refit and --repair', () => {
    const embed = buildProgram().commands.find((c) => c.name() === 'embed');
    expect(embed?.options.map((o) => o.long)).toEqual(['--model', '--refit', '--repair']);
  });
});
