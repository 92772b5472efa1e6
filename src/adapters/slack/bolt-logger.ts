/** Bolt's logger interface over the app's pino logger. */
import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';
import type { Logger } from '../../log/logger.ts';

const join = (parts: unknown[]): string =>
  parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');

export function boltLogger(logger: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  return {
    debug: (...parts) => logger.debug(join(parts)),
    info: (...parts) => logger.info(join(parts)),
    warn: (...parts) => logger.warn(join(parts)),
    error: (...parts) => logger.error(join(parts)),
    setLevel: (next) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
