/**
 * config.chat.feishu + the FEISHU_* secrets → which Feishu adapter to build: the app (FEISHU_APP_ID
 * and FEISHU_APP_SECRET: events, cards with buttons) or, with no app, the custom-bot webhook
 * (FEISHU_WEBHOOK_URL, optional FEISHU_WEBHOOK_SECRET: sending only). Undefined: Feishu is off.
 */
import type { Secrets } from '../../config/env.ts';
import type { RadarConfig } from '../../config/schema.ts';
import { ConfigError } from '../../core/errors.ts';
import type { FeishuAdapterOptions } from './feishu-adapter.ts';
import type { FeishuWebhookOptions } from './feishu-webhook.ts';

export type FeishuSetup =
  | { kind: 'app'; options: FeishuAdapterOptions }
  | { kind: 'webhook'; options: FeishuWebhookOptions };

export function feishuSetupFromConfig(
  config: RadarConfig['chat']['feishu'],
  secrets: Secrets,
): FeishuSetup | undefined {
  const { FEISHU_APP_ID: appId, FEISHU_APP_SECRET: appSecret, FEISHU_WEBHOOK_URL: url } = secrets;
  if (appId !== undefined || appSecret !== undefined) {
    if (appId === undefined || appSecret === undefined)
      throw new ConfigError('Feishu needs both FEISHU_APP_ID and FEISHU_APP_SECRET');
    return { kind: 'app', options: { appId, appSecret, domain: config.domain } };
  }
  if (url !== undefined) return { kind: 'webhook', options: { url, secret: secrets.FEISHU_WEBHOOK_SECRET } };
  return undefined;
}
