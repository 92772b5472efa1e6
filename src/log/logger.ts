import { destination, type Logger, pino } from 'pino';
import { redactText } from './redact.ts';
import { terminalDestination } from './terminal-lines.ts';

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
  /** Readable lines instead of JSON, for a person at a terminal (see terminal-lines.ts). */
  terminal?: boolean;
  /** Where log lines go; default stderr so that command output on stdout stays clean. */
  destination?: NodeJS.WritableStream;
}

/**
 * A child's bindings repeat a key of its parent's (`module` of the daemon and of the scheduler):
 * pino writes both. Parsing keeps the last (innermost) value, so each key appears once.
 */
function withoutDuplicateKeys(line: string): string {
  try {
    const record: unknown = JSON.parse(line);
    return `${JSON.stringify(record)}\n`;
  } catch {
    return line;
  }
}

export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: null,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Key names catch `{ apiKey }`; the values catch a key echoed inside an error message.
      hooks: { streamWrite: (line) => redactText(withoutDuplicateKeys(line)) },
    },
    options.terminal
      ? terminalDestination(options.destination ?? process.stderr)
      : (options.destination ?? destination(2)),
  );
}

/** A logger that drops everything, for tests and library callers that pass none. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
