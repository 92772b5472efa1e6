/** The lark SDK's logger interface over the app's pino logger. */
import type * as lark from '@larksuiteoapi/node-sdk';
import type { Logger } from '../../log/logger.ts';

const join = (parts: unknown[]): string =>
  parts
    .map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p)))
    .join(' ');

export function larkLogger(logger: Logger): lark.Logger {
  return {
    error: (...parts: unknown[]) => logger.error(join(parts)),
    warn: (...parts: unknown[]) => logger.warn(join(parts)),
    info: (...parts: unknown[]) => logger.debug(join(parts)),
    debug: (...parts: unknown[]) => logger.debug(join(parts)),
    trace: (...parts: unknown[]) => logger.trace(join(parts)),
  };
}
