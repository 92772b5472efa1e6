/**
 * Keeps telegraf's long polling alive. Telegraf ends polling for good on a 409 Conflict (another
 * getUpdates with the same token) or a 401; the bot would stay up but deaf. This restarts it
 * with capped exponential backoff and tells the observer each time, so the runner can record it
 * and alert.
 */
import type { ReceiveObserver } from '../../chat/chat-adapter.ts';
import type { Logger } from '../../log/logger.ts';

export interface PollingRestartOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Polling that ran this long before failing starts the backoff over. */
  healthyAfterMs?: number;
}

export const DEFAULT_POLLING_RESTART: PollingRestartOptions = {
  baseDelayMs: 1000,
  maxDelayMs: 60_000,
  healthyAfterMs: 60_000,
};

export interface PollingSupervisorDeps {
  /** Starts one polling loop; `onUp` when it is connected; settles when that loop ends. */
  launch(onUp: () => void): Promise<void>;
  /** Ends the current loop (telegraf's `bot.stop`). */
  halt(): void;
  describe(error: unknown): string;
  logger: Pick<Logger, 'warn' | 'info'>;
  now(): number;
  observer?: ReceiveObserver | undefined;
}

export interface PollingSupervisor {
  /** Resolves once the first loop is connected; later failures restart instead of rejecting. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createPollingSupervisor(
  deps: PollingSupervisorDeps,
  options: PollingRestartOptions = DEFAULT_POLLING_RESTART,
): PollingSupervisor {
  const healthyAfterMs = options.healthyAfterMs ?? DEFAULT_POLLING_RESTART.healthyAfterMs ?? 60_000;
  let stopping = false;
  let restarts = 0;
  let consecutive = 0;
  let upSince = 0;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | undefined;

  function failed(error: unknown): void {
    if (deps.now() - upSince >= healthyAfterMs) consecutive = 0;
    consecutive += 1;
    restarts += 1;
    const retryInMs = Math.min(options.baseDelayMs * 2 ** (consecutive - 1), options.maxDelayMs);
    const message = deps.describe(error);
    deps.logger.warn({ error: message, restarts, retryInMs }, 'telegram polling stopped; restarting it');
    deps.observer?.({ state: 'restarting', restarts, error: message, retryInMs });
    timer = setTimeout(() => {
      timer = undefined;
      if (!stopping) run(() => undefined);
    }, retryInMs);
  }

  function run(onFirstUp: () => void): void {
    current = deps
      .launch(() => {
        upSince = deps.now();
        if (restarts > 0) deps.logger.info({ restarts }, 'telegram polling restarted');
        deps.observer?.({ state: 'receiving', restarts });
        onFirstUp();
      })
      .then(
        () => {
          if (!stopping) failed(new Error('telegram polling ended on its own'));
        },
        (error: unknown) => {
          if (!stopping) failed(error);
        },
      );
  }

  return {
    start: () => new Promise<void>((resolve) => run(resolve)),
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      if (!current) return;
      // A stop that lands while telegraf is still between getMe and its first getUpdates stops
      // nothing (telegraf has no polling yet, or only the previous one): repeat until it ends.
      let settled = false;
      const done = current.then(() => {
        settled = true;
      });
      while (!settled) {
        try {
          deps.halt();
        } catch {
          // "Bot is not running!": polling has not started yet
        }
        await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 25))]);
      }
    },
  };
}
