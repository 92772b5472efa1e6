/**
 * A full garbage collection after each pipeline step. A step like rank leaves large garbage
 * behind (a model's 150 MB vector matrix, the ANN index's native graph and its memory-mapped
 * view): V8 does not see the native part, and with a small JS heap it may run no major GC for
 * the rest of the run, so that memory stays resident through the later steps. One collection
 * after each step returns it to the system (a tenth of a second or so at 100k papers).
 *
 * The collector is obtained as jest's leak detector does: V8's flag exposes it to one fresh
 * context and is turned off again, so `gc` never appears on the global object.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { PipelineStep } from './pipeline-step.ts';

export type FullGc = () => void;

/** V8's full collection (the process's own `gc` when node was started with --expose-gc). */
export function createFullGc(): FullGc {
  const exposed: unknown = Reflect.get(globalThis, 'gc');
  if (typeof exposed === 'function') return () => void exposed();
  setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  setFlagsFromString('--no-expose-gc');
  return typeof gc === 'function' ? () => void gc() : () => undefined;
}

/** `step`, collecting garbage once it has run, whether it succeeded or failed. */
export function collectingAfter(step: PipelineStep, gc: FullGc): PipelineStep {
  return {
    ...step,
    async run(ctx) {
      try {
        return await step.run(ctx);
      } finally {
        gc();
      }
    },
  };
}
