/**
 * The app's error classes. Each one carries what a user needs to act on it and never a secret.
 * `exitCode` follows the CLI's contract: 1 for a failure, 2 for a usage or configuration error.
 */
export class RadarError extends Error {
  readonly exitCode: number = 1;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The command line or the config file is wrong: nothing was touched. */
export class ConfigError extends RadarError {
  override readonly exitCode = 2;
  constructor(
    message: string,
    readonly issues: readonly string[] = [],
  ) {
    super(issues.length > 0 ? `${message}\n${issues.map((i) => `  - ${i}`).join('\n')}` : message);
  }
}

export class UsageError extends RadarError {
  override readonly exitCode = 2;
}

/** Another process holds the state directory. */
export class StateLockedError extends RadarError {}

/** A state file does not match its schema or cannot be parsed. */
export class StateFileError extends RadarError {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
