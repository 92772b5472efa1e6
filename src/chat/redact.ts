/** Removes secrets from text that leaves the process (alerts): the known values and token-shaped strings. */
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

export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const pattern of TOKEN_PATTERNS) {
    out = out.replace(pattern, (match: string, prefix: unknown) =>
      typeof prefix === 'string' && match.startsWith(prefix) ? `${prefix}${REDACTED}` : REDACTED,
    );
  }
  return out;
}
