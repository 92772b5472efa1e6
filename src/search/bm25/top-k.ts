/**
 * The k best items by score with a bounded binary min-heap (pure): O(n log k), no full sort.
 * Ties break on the item's key, ascending, so results are deterministic.
 */
export function selectTopK<T>(
  items: Iterable<T>,
  k: number,
  score: (item: T) => number,
  key: (item: T) => string,
): T[] {
  if (k <= 0) return [];
  // worse(a, b): a ranks below b.
  const worse = (a: T, b: T): boolean => {
    const sa = score(a);
    const sb = score(b);
    return sa < sb || (sa === sb && key(a) > key(b));
  };
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
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap.length - 1);
    } else if (worse(heap[0] as T, item)) {
      heap[0] = item;
      siftDown();
    }
  }
  return heap.sort((a, b) => (worse(a, b) ? 1 : worse(b, a) ? -1 : 0));
}
