/** The collection after each pipeline step: it really frees unreachable memory, after a failed step too. */
import { setImmediate as tick } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { collectingAfter, createFullGc } from '../../src/pipeline/full-gc.ts';
import type { PipelineStep, StepContext } from '../../src/pipeline/pipeline-step.ts';

describe('full garbage collection between steps', () => {
  it('frees an unreachable buffer at once, without putting gc on the global object', async () => {
    const hadGc = Reflect.has(globalThis, 'gc');
    const gc = createFullGc();
    let buffer: Float32Array | undefined = new Float32Array(4_000_000);
    const ref = new WeakRef(buffer);
    buffer = undefined;
    // A WeakRef's target lives until the end of the job that made or read it.
    await tick();
    gc();
    await tick();
    expect(ref.deref()).toBeUndefined();
    expect(Reflect.has(globalThis, 'gc')).toBe(hadGc);
  });

  it('collects after a step that succeeded and after one that failed, passing its outcome on', async () => {
    let collections = 0;
    const gc = () => {
      collections += 1;
    };
    const ctx = {} as StepContext;
    const ok: PipelineStep = { name: 'rank', run: async () => ({ counts: { picks: 3 } }) };
    const failing: PipelineStep = {
      name: 'embed',
      run: async () => {
        throw new Error('embedder down');
      },
    };

    await expect(collectingAfter(ok, gc).run(ctx)).resolves.toEqual({ counts: { picks: 3 } });
    expect(collections).toBe(1);
    await expect(collectingAfter(failing, gc).run(ctx)).rejects.toThrow('embedder down');
    expect(collections).toBe(2);
    expect(collectingAfter(ok, gc).name).toBe('rank');
  });
});
