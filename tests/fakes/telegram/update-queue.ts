/**
 * The Bot API's update queue as `getUpdates` sees it: `offset` confirms (and forgets) earlier
 * updates, a negative offset keeps only the last ones, `allowed_updates` persists between calls and
 * filters what is delivered (by default everything except chat_member, message_reaction and
 * message_reaction_count), `timeout` holds an empty poll until an update arrives, and a second
 * concurrent poll terminates the first one with 409.
 */
export interface PollParams {
  offset?: number | undefined;
  limit?: number | undefined;
  timeout?: number | undefined;
  allowed_updates?: readonly string[] | undefined;
}

export type PollResult = { kind: 'updates'; updates: object[] } | { kind: 'conflict' };

interface Queued {
  id: number;
  type: string;
  update: object;
}

interface Waiter {
  limit: number;
  resolve: (result: PollResult) => void;
  timer: NodeJS.Timeout;
}

const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export interface UpdateQueue {
  /** Queues an update, giving it the next update_id when it has none; returns its update_id. */
  push(update: object): number;
  poll(params: PollParams): Promise<PollResult>;
  /** The allowed_updates last passed to getUpdates (undefined until one is passed). */
  allowedUpdates(): readonly string[] | undefined;
  /** Updates not yet confirmed by an offset. */
  pending(): object[];
  clear(): void;
  /** Another bot instance polls: the held getUpdates (or, when none is held, the next one) gets 409. */
  conflict(): void;
  close(): void;
}

export function createUpdateQueue(options: { firstUpdateId?: number; maxHoldMs?: number } = {}): UpdateQueue {
  let queue: Queued[] = [];
  let nextId = options.firstUpdateId ?? 701180875;
  let allowed: readonly string[] | undefined;
  let waiter: Waiter | undefined;
  let conflictPending = false;
  const maxHoldMs = options.maxHoldMs ?? 1000;

  const isAllowed = (type: string): boolean =>
    allowed === undefined || allowed.length === 0 ? !NOT_BY_DEFAULT.has(type) : allowed.includes(type);

  const deliverable = (limit: number): object[] => {
    queue = queue.filter((item) => isAllowed(item.type));
    return queue.slice(0, limit).map((item) => item.update);
  };

  const settle = (result: PollResult): void => {
    if (!waiter) return;
    clearTimeout(waiter.timer);
    const { resolve } = waiter;
    waiter = undefined;
    resolve(result);
  };

  return {
    push(update) {
      const given =
        'update_id' in update && typeof update.update_id === 'number' ? update.update_id : undefined;
      const id = given ?? nextId;
      nextId = Math.max(nextId, id + 1);
      const type = Object.keys(update).find((key) => key !== 'update_id') ?? 'unknown';
      queue.push({ id, type, update: { ...update, update_id: id } });
      if (waiter) {
        const updates = deliverable(waiter.limit);
        if (updates.length > 0) settle({ kind: 'updates', updates });
      }
      return id;
    },
    poll(params) {
      settle({ kind: 'conflict' });
      if (conflictPending) {
        conflictPending = false;
        return Promise.resolve({ kind: 'conflict' });
      }
      const offset = params.offset ?? 0;
      if (offset > 0) queue = queue.filter((item) => item.id >= offset);
      if (offset < 0) queue = queue.slice(offset);
      if (params.allowed_updates !== undefined) allowed = [...params.allowed_updates];
      const limit = Math.min(Math.max(params.limit ?? 100, 1), 100);
      const updates = deliverable(limit);
      const timeoutMs = Math.min((params.timeout ?? 0) * 1000, maxHoldMs);
      if (updates.length > 0 || timeoutMs <= 0) return Promise.resolve({ kind: 'updates', updates });
      return new Promise((resolve) => {
        const timer = setTimeout(() => settle({ kind: 'updates', updates: [] }), timeoutMs);
        waiter = { limit, resolve, timer };
      });
    },
    allowedUpdates: () => allowed,
    pending: () => queue.map((item) => item.update),
    clear() {
      queue = [];
    },
    conflict() {
      if (waiter) settle({ kind: 'conflict' });
      else conflictPending = true;
    },
    close() {
      settle({ kind: 'updates', updates: [] });
    },
  };
}
