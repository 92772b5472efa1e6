/** Removes secrets from text that leaves the process (alerts): one mechanism, in src/log/redact.ts. */
export { REDACTED, redactText as redactSecrets } from '../log/redact.ts';
