/**
 * The app's one alert API. Alerts go to every configured chat; at most one alert of a kind is
 * sent per window, and the next one sent reports how many were suppressed meanwhile. Messages
 * are redacted (known secret values and token-shaped strings) before they leave the process.
 */
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../log/logger.ts';
import type { Alert, ChatAdapter, ChatPlatform } from './chat-adapter.ts';
import { redactSecrets } from './redact.ts';

export interface AlertTarget {
  platform: ChatPlatform;
  chatId: string;
}

export interface AlertInput {
  kind: string;
  component: string;
  error: unknown;
}

export type AlertOutcome =
  | { sent: true; alert: Alert; deliveries: number }
  | { sent: false; suppressedSoFar: number };

export interface Alerter {
  alert(input: AlertInput): Promise<AlertOutcome>;
}

export interface AlerterDeps {
  adapters: readonly ChatAdapter[];
  targets: readonly AlertTarget[];
  clock: Clock;
  windowMs: number;
  logger: Pick<Logger, 'warn' | 'error'>;
  /** Actual secret values (tokens, keys) that must never appear in an alert. */
  secrets?: readonly string[];
}

function describeError(error: unknown): { errorType: string; message: string } {
  if (error instanceof Error) return { errorType: error.name || 'Error', message: error.message };
  return { errorType: typeof error, message: String(error) };
}

export function createAlerter(deps: AlerterDeps): Alerter {
  const lastSent = new Map<string, number>();
  const suppressed = new Map<string, number>();
  const secrets = deps.secrets ?? [];

  async function deliver(alert: Alert): Promise<number> {
    let deliveries = 0;
    for (const target of deps.targets) {
      const adapter = deps.adapters.find((a) => a.platform === target.platform);
      if (!adapter) continue;
      try {
        await adapter.sendAlert(target.chatId, alert);
        deliveries += 1;
      } catch (error) {
        // An alert that cannot be delivered must not raise a second alert: log it and go on.
        deps.logger.error(
          { platform: target.platform, error: redactSecrets(describeError(error).message, secrets) },
          'alert delivery failed',
        );
      }
    }
    return deliveries;
  }

  return {
    async alert(input) {
      const now = deps.clock.now().getTime();
      const last = lastSent.get(input.kind);
      if (last !== undefined && now - last < deps.windowMs) {
        const count = (suppressed.get(input.kind) ?? 0) + 1;
        suppressed.set(input.kind, count);
        return { sent: false, suppressedSoFar: count };
      }
      lastSent.set(input.kind, now);
      const { errorType, message } = describeError(input.error);
      const alert: Alert = {
        kind: input.kind,
        component: input.component,
        errorType,
        message: redactSecrets(message, secrets),
        at: new Date(now).toISOString(),
        suppressed: suppressed.get(input.kind) ?? 0,
      };
      suppressed.set(input.kind, 0);
      deps.logger.warn({ kind: alert.kind, component: alert.component, errorType }, 'alert');
      return { sent: true, alert, deliveries: await deliver(alert) };
    },
  };
}
