/**
 * The environment: secrets and endpoint overrides. Read once at start; nothing else in the
 * app touches process.env.
 */
import { z } from 'zod';

const optional = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

export const SECRET_VARIABLES = [
  'OPENAI_API_KEY',
  'NOTION_TOKEN',
  'TELEGRAM_BOT_TOKEN',
  'TELEGRAM_WEBHOOK_SECRET',
  'SLACK_BOT_TOKEN',
  'SLACK_APP_TOKEN',
  'SLACK_SIGNING_SECRET',
  'FEISHU_APP_ID',
  'FEISHU_APP_SECRET',
  'FEISHU_WEBHOOK_URL',
  'FEISHU_WEBHOOK_SECRET',
  'HF_TOKEN',
  'GITHUB_TOKEN',
  'ARTIFICIAL_ANALYSIS_API_KEY',
] as const;

/** Environment variable → config key it overrides (after the file, before validation). */
export const ENDPOINT_OVERRIDES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['RADAR_ARXIV_API_URL', ['arxiv', 'apiUrl']],
  ['RADAR_ARXIV_OAI_URL', ['arxiv', 'oaiUrl']],
  ['RADAR_ARXIV_SITE_URL', ['arxiv', 'siteUrl']],
  ['NOTION_BASE_URL', ['notion', 'baseUrl']],
  ['TELEGRAM_API_ROOT', ['chat', 'telegram', 'apiRoot']],
  ['SLACK_API_URL', ['chat', 'slack', 'apiUrl']],
  ['FEISHU_DOMAIN', ['chat', 'feishu', 'domain']],
  ['HF_ENDPOINT', ['sources', 'huggingface', 'endpoint']],
  ['GITHUB_API_URL', ['sources', 'github', 'apiUrl']],
];

export type Secrets = Readonly<Partial<Record<(typeof SECRET_VARIABLES)[number], string>>>;

export interface RadarEnv {
  /** Every variable, for the provider API keys whose names come from config. */
  readonly raw: Readonly<Record<string, string | undefined>>;
  readonly secrets: Secrets;
  readonly stateDir: string | undefined;
  readonly configFile: string | undefined;
  readonly llmBaseUrl: string | undefined;
  readonly llmModel: string | undefined;
}

export function readEnv(env: Readonly<Record<string, string | undefined>>): RadarEnv {
  const secrets: Partial<Record<(typeof SECRET_VARIABLES)[number], string>> = {};
  for (const name of SECRET_VARIABLES) {
    const value = optional.parse(env[name]);
    if (value !== undefined) secrets[name] = value;
  }
  return Object.freeze({
    raw: Object.freeze({ ...env }),
    secrets: Object.freeze(secrets),
    stateDir: optional.parse(env.RADAR_STATE_DIR),
    configFile: optional.parse(env.RADAR_CONFIG),
    llmBaseUrl: optional.parse(env.OPENAI_BASE_URL),
    llmModel: optional.parse(env.RADAR_LLM_MODEL),
  });
}

/** `RADAR_LEADERBOARD_SWEBENCH_URL` → `swebench`. */
export function leaderboardOverrides(env: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(env)) {
    const match = /^RADAR_LEADERBOARD_([A-Z0-9_]+)_URL$/.exec(key);
    if (match?.[1] && value) out.set(match[1].toLowerCase(), value);
  }
  return out;
}
