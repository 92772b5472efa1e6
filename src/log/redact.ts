/**
 * Secret values never leave the process: every boundary where text is written (log lines, the
 * CLI's stdout and error output, the store's JSON/JSONL/CSV writers, chat alerts) passes it through
 * `redactText`. The configured secret values are registered once, where the environment is read
 * (the CLI context); the registry is process-wide on purpose, because a secret must be hidden at
 * every write and threading it through each writer would make every new call site a leak.
 */

/** Token shapes that are hidden even when the value is not configured (logs, alerts, errors). */
const TOKEN_PATTERNS: RegExp[] = [
  /(?<!\d)\d{6,12}:[A-Za-z0-9_-]{30,}/g, // Telegram bot tokens (also inside /bot<token>/ URLs)
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/g, // Slack tokens
  /\bxapp-[A-Za-z0-9-]{10,}\b/g,
  /\bsk-[A-Za-z0-9_-]{16,}\b/g, // OpenAI-style keys
  /\b(?:hf|ghp|gho|github_pat)_[A-Za-z0-9_]{16,}\b/g,
  /\bsecret_[A-Za-z0-9]{20,}\b/g, // Notion integration tokens
  /\bntn_[A-Za-z0-9]{20,}\b/g,
  /(bearer\s+)[A-Za-z0-9._~+/-]{12,}=*/gi,
  /((?:token|secret|password|api[_-]?key)["']?\s*[:=]\s*["']?)[^\s"',;&]{6,}/gi,
];

export const REDACTED = '[redacted]';

/** Shorter values would hide ordinary words; no real key is this short. */
const MIN_SECRET_LENGTH = 4;

const registered = new Set<string>();

/** Adds secret values (API keys, tokens) to hide from every output from now on. */
export function registerSecrets(values: Iterable<string | undefined>): void {
  for (const value of values) {
    const trimmed = value?.trim();
    if (trimmed && trimmed.length >= MIN_SECRET_LENGTH) registered.add(trimmed);
  }
}

function replaceValues(text: string, values: Iterable<string>): string {
  let out = text;
  for (const secret of values) {
    if (secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}

/** Hides the registered secret values (and `extra`): for state files, where content must stay as is otherwise. */
export function redactValues(text: string, extra: readonly string[] = []): string {
  return replaceValues(replaceValues(text, registered), extra);
}

/** Hides the registered values, `extra`, and anything token-shaped: for logs, errors and messages. */
export function redactText(text: string, extra: readonly string[] = []): string {
  let out = redactValues(text, extra);
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match: string, prefix: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}
