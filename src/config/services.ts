/**
 * Which external services are usable with the current config and environment, for
 * `radar doctor` and for choosing online or offline paths. Never returns a secret's value.
 */
import type { RadarEnv } from './env.ts';
import type { RadarConfig } from './schema.ts';

export interface ServiceStatus {
  name: string;
  configured: boolean;
  /** Where it points (origin only) or what is missing. */
  detail: string;
  warnings: string[];
}

function origin(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname === '/' ? '' : parsed.pathname}`;
  } catch {
    return url;
  }
}

function has(env: RadarEnv, name: string): boolean {
  const value = env.raw[name];
  return value !== undefined && value.trim() !== '';
}

function needs(env: RadarEnv, names: readonly string[]): string {
  const missing = names.filter((n) => !has(env, n));
  return missing.length === 0 ? '' : `set ${missing.join(' and ')}`;
}

export function describeServices(config: RadarConfig, env: RadarEnv): ServiceStatus[] {
  const out: ServiceStatus[] = [
    { name: 'arXiv API', configured: true, detail: origin(config.arxiv.apiUrl), warnings: [] },
    { name: 'arXiv OAI-PMH', configured: true, detail: origin(config.arxiv.oaiUrl), warnings: [] },
    { name: 'arXiv site', configured: true, detail: origin(config.arxiv.siteUrl), warnings: [] },
  ];
  for (const [name, provider] of Object.entries(config.llm.providers)) {
    const models = Object.keys(provider.models);
    const missing = needs(env, [provider.apiKeyEnv]);
    out.push({
      name: `LLM provider ${name}`,
      configured: missing === '',
      detail: missing || `${origin(provider.baseUrl)} (${models.join(', ') || 'no models declared'})`,
      warnings: models.length === 0 ? [`llm.providers.${name} declares no models`] : [],
    });
  }
  for (const name of config.embedding.active) {
    const model = config.embedding.models[name];
    if (!model) continue;
    const missing = model.backend === 'openai' ? needs(env, [model.apiKeyEnv]) : '';
    out.push({
      name: `embedding ${name}`,
      configured: missing === '',
      detail: missing || `${model.backend}, ${model.dims} dims`,
      warnings: [],
    });
  }
  const notionMissing = needs(env, ['NOTION_TOKEN']);
  out.push({
    name: 'Notion',
    configured: notionMissing === '',
    detail: notionMissing
      ? `${notionMissing} (without it: markdown + HTML under state/out/)`
      : origin(config.notion.baseUrl),
    warnings: [],
  });
  out.push(
    chatStatus('Telegram', needs(env, ['TELEGRAM_BOT_TOKEN']), config.chat.telegram.apiRoot, [
      ...config.chat.telegram.chatIds,
      ...config.chat.telegram.userIds,
    ]),
  );
  const slackMissing =
    config.chat.slack.mode === 'socket'
      ? needs(env, ['SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN'])
      : needs(env, ['SLACK_BOT_TOKEN', 'SLACK_SIGNING_SECRET']);
  out.push(
    chatStatus('Slack', slackMissing, config.chat.slack.apiUrl, [
      ...config.chat.slack.channelIds,
      ...config.chat.slack.userIds,
    ]),
  );
  const feishuApp = needs(env, ['FEISHU_APP_ID', 'FEISHU_APP_SECRET']);
  const feishuHook = has(env, 'FEISHU_WEBHOOK_URL');
  out.push(
    feishuApp === '' || !feishuHook
      ? chatStatus('Feishu', feishuApp, config.chat.feishu.domain, [
          ...config.chat.feishu.chatIds,
          ...config.chat.feishu.userIds,
        ])
      : {
          name: 'Feishu',
          configured: true,
          detail: 'webhook-only (alerts and digest, no commands)',
          warnings: [],
        },
  );
  out.push({
    name: 'Hugging Face',
    configured: true,
    detail: `${origin(config.sources.huggingface.endpoint)}${has(env, 'HF_TOKEN') ? ' (with token)' : ' (anonymous)'}`,
    warnings: [],
  });
  out.push({
    name: 'GitHub',
    configured: true,
    detail: `${origin(config.sources.github.apiUrl)}${has(env, 'GITHUB_TOKEN') ? ' (with token)' : ' (anonymous: 10 searches/min)'}`,
    warnings: [],
  });
  for (const [name, board] of Object.entries(config.sources.leaderboards)) {
    const keyMissing = name === 'artificialanalysis' ? needs(env, ['ARTIFICIAL_ANALYSIS_API_KEY']) : '';
    out.push({
      name: `leaderboard ${name}`,
      configured: board.enabled && keyMissing === '',
      detail: !board.enabled ? 'disabled' : keyMissing || origin(board.url),
      warnings: [],
    });
  }
  return out;
}

function chatStatus(name: string, missing: string, url: string, allowlist: readonly string[]): ServiceStatus {
  const configured = missing === '';
  return {
    name,
    configured,
    detail: missing || origin(url),
    warnings:
      configured && allowlist.length === 0
        ? [`${name}: the allowlist is empty, so the bot answers no one (set chat.${name.toLowerCase()} ids)`]
        : [],
  };
}
