/**
 * One labels store shared by the bots and the feedback poll inside the daemon: `apply` is a
 * read-modify-write of labels.csv, so calls run one after the other, never interleaved.
 */
import type { LabelsStore } from '../store/labels-store.ts';

export function serializeLabels(store: LabelsStore): LabelsStore {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    readAll: () => store.readAll(),
    apply(changes) {
      const run = tail.then(
        () => store.apply(changes),
        () => store.apply(changes),
      );
      tail = run.catch(() => undefined);
      return run;
    },
  };
}
