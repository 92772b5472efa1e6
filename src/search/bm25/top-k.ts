/**
 * The k best items with a bounded binary min-heap (pure): O(n log k), no full sort.
 * `selectTopK` ranks by score with ties broken on the item's key, ascending, so results are
 * deterministic; `createTopKHeap` is the heap itself, for callers that skip most candidates on
 * one comparison against the current worst before offering them (the BM25 scorer).
 */
export interface TopKHeap<T> {
  /** How many items it holds (at most k). */
  readonly size: () => number;
  /** The worst item held (the heap's root); undefined while empty. */
  readonly worst: () => T | undefined;
  /** Keeps `item` if fewer than k are held or it beats the worst held. */
  readonly offer: (item: T) => void;
  /** The items held, best first. */
  readonly sorted: () => T[];
}

/** A bounded heap of the k best items, where `worse(a, b)` says a ranks below b. */
export function createTopKHeap<T>(k: number, worse: (a: T, b: T) => boolean): TopKHeap<T> {
  const heap: T[] = [];
  const swap = (i: number, j: number) => {
    const tmp = heap[i] as T;
    heap[i] = heap[j] as T;
    heap[j] = tmp;
  };
  const siftUp = (start: number) => {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!worse(heap[i] as T, heap[parent] as T)) break;
      swap(i, parent);
      i = parent;
    }
  };
  const siftDown = () => {
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && worse(heap[left] as T, heap[least] as T)) least = left;
      if (right < heap.length && worse(heap[right] as T, heap[least] as T)) least = right;
      if (least === i) return;
      swap(i, least);
      i = least;
    }
  };
  return {
    size: () => heap.length,
    worst: () => heap[0],
    offer(item) {
      if (k <= 0) return;
      if (heap.length < k) {
        heap.push(item);
        siftUp(heap.length - 1);
      } else if (worse(heap[0] as T, item)) {
        heap[0] = item;
        siftDown();
      }
    },
    sorted: () => [...heap].sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0)),
  };
}

export function selectTopK<T>(
  items: Iterable<T>,
  k: number,
  score: (item: T) => number,
  key: (item: T) => string,
): T[] {
  if (k <= 0) return [];
  // worse(a, b): a ranks below b.
  const heap = createTopKHeap<T>(k, (a, b) => {
    const sa = score(a);
    const sb = score(b);
    return sa < sb || (sa === sb && key(a) > key(b));
  });
  for (const item of items) heap.offer(item);
  return heap.sorted();
}
