import { describe, expect, it } from 'vitest';
import { ChatConfig } from '../../config/schema.ts';
import { ConfigError } from '../../core/errors.ts';
import { feishuSetupFromConfig } from '../feishu/feishu-options.ts';
import { slackOptionsFromConfig } from './slack-options.ts';

const chat = ChatConfig.parse({});

describe('slackOptionsFromConfig', () => {
  it('is off without a bot token and builds socket-mode options from the secrets', () => {
    expect(slackOptionsFromConfig(chat.slack, {})).toBeUndefined();
    expect(
      slackOptionsFromConfig(chat.slack, { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }),
    ).toMatchObject({
      mode: 'socket',
      botToken: 'xoxb-1',
      appToken: 'xapp-1',
      apiUrl: 'https://slack.com/api/',
      httpPort: 3000,
    });
  });

  it('says which secret the chosen mode is missing', () => {
    expect(() => slackOptionsFromConfig(chat.slack, { SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(ConfigError);
    const http = ChatConfig.parse({ slack: { mode: 'http' } }).slack;
    expect(() => slackOptionsFromConfig(http, { SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
  });
});

describe('feishuSetupFromConfig', () => {
  it('prefers the app, falls back to the webhook, and is off with neither', () => {
    const both = { FEISHU_APP_ID: 'cli_1', FEISHU_APP_SECRET: 's', FEISHU_WEBHOOK_URL: 'https://hook' };
    expect(feishuSetupFromConfig(chat.feishu, both)).toEqual({
      kind: 'app',
      options: { appId: 'cli_1', appSecret: 's', domain: 'https://open.feishu.cn' },
    });
    expect(
      feishuSetupFromConfig(chat.feishu, { FEISHU_WEBHOOK_URL: 'https://hook', FEISHU_WEBHOOK_SECRET: 'k' }),
    ).toEqual({
      kind: 'webhook',
      options: { url: 'https://hook', secret: 'k' },
    });
    expect(feishuSetupFromConfig(chat.feishu, {})).toBeUndefined();
    expect(() => feishuSetupFromConfig(chat.feishu, { FEISHU_APP_ID: 'cli_1' })).toThrow(/FEISHU_APP_SECRET/);
  });
});
