/**
 * Watches how an adapter receives: records each restart in the state's poller record (for
 * `radar status`) and alerts once per outage — not on every restart of a backoff.
 */
import type { Clock } from '../core/clock.ts';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../log/logger.ts';
import type { PollerClaim } from '../store/poller-record-store.ts';
import type { Alerter } from './alerts.ts';
import type { ChatPlatform, ReceiveObserver } from './chat-adapter.ts';

/** Receiving that held this long before failing again is a new outage, worth a new alert. */
const NEW_OUTAGE_AFTER_MS = 10 * 60_000;

export interface ReceiveWatchDeps {
  platform: ChatPlatform;
  claim: PollerClaim | undefined;
  alerter: Alerter;
  clock: Clock;
  logger: Pick<Logger, 'warn'>;
}

export function watchReceiving(deps: ReceiveWatchDeps): ReceiveObserver {
  let alerted = false;
  let receivingSince: number | undefined;
  const record = (patch: Parameters<PollerClaim['update']>[0]): void => {
    deps.claim?.update(patch).catch((error: unknown) => {
      deps.logger.warn({ error: errorMessage(error) }, 'could not update the poller record');
    });
  };
  return (state) => {
    const now = deps.clock.now().getTime();
    if (state.state === 'receiving') {
      receivingSince = now;
      record({ state: 'polling', restarts: state.restarts });
      return;
    }
    if (receivingSince !== undefined && now - receivingSince >= NEW_OUTAGE_AFTER_MS) alerted = false;
    receivingSince = undefined;
    record({ state: 'restarting', restarts: state.restarts, lastError: state.error });
    if (alerted) return;
    alerted = true;
    const error = new Error(
      `${state.error} — ${deps.platform} stopped receiving; restarting with backoff (next try in ${Math.round(state.retryInMs / 1000)} s). A 409 Conflict means another process polls with this bot token: run one bot or daemon per token.`,
    );
    void deps.alerter.alert({ kind: 'chat-receive-failed', component: `chat/${deps.platform}`, error });
  };
}
