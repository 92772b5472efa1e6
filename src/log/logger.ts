import { destination, type Logger, pino } from 'pino';
import { redactText } from './redact.ts';

export type { Logger };

/** Keys whose values never reach a log line, wherever they appear in a logged object. */
const REDACTED_PATHS = [
  'apiKey',
  'token',
  'secret',
  'password',
  'authorization',
  '*.apiKey',
  '*.token',
  '*.secret',
  '*.password',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
];

export interface LoggerOptions {
  level?: string;
  /** Where log lines go; default stderr so that command output on stdout stays clean. */
  destination?: NodeJS.WritableStream;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: null,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Key names catch `{ apiKey }`; the values catch a key echoed inside an error message.
      hooks: { streamWrite: (line) => redactText(line) },
    },
    options.destination ?? destination(2),
  );
}

/** A logger that drops everything, for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
