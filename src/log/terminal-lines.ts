/**
 * Log lines for a person at a terminal: pino's JSON turned into one readable line
 * ("warn  summary failed  id=2605.00051 error=…"), written after clearing the current line, so
 * that a progress bar being drawn there is not broken by a half-line of JSON (the bar redraws
 * itself on its next update).
 */
const LEVELS: Record<number, string> = {
  10: 'trace',
  20: 'debug',
  30: 'info',
  40: 'warn',
  50: 'error',
  60: 'fatal',
};
const CLEAR_LINE = '\r\x1b[K';
const OMITTED = new Set(['level', 'time', 'msg', 'pid', 'hostname']);

function valueText(value: unknown): string {
  if (typeof value === 'string') return /\s/.test(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

export function formatTerminalLine(line: string): string {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch {
    return line;
  }
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return line;
  const fields = Object.entries(record);
  const get = (key: string): unknown => fields.find(([k]) => k === key)?.[1];
  const levelValue = get('level');
  const level = typeof levelValue === 'number' ? (LEVELS[levelValue] ?? String(levelValue)) : 'log';
  const message = typeof get('msg') === 'string' ? String(get('msg')) : '';
  const rest = fields
    .filter(([key]) => !OMITTED.has(key))
    .map(([key, value]) => `${key}=${valueText(value)}`);
  return `${level.padEnd(5)} ${[message, ...rest].filter(Boolean).join('  ')}\n`;
}

/** A destination for pino that writes readable lines to a terminal stream. */
export function terminalDestination(stream: NodeJS.WritableStream): { write(line: string): boolean } {
  return {
    write(line: string) {
      return stream.write(`${CLEAR_LINE}${formatTerminalLine(line)}`);
    },
  };
}
