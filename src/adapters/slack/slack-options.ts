/** config.chat.slack + the SLACK_* secrets → the Slack adapter's options (undefined: Slack is off). */

import type { Secrets } from '../../config/env.ts';
import type { RadarConfig } from '../../config/schema.ts';
import { ConfigError } from '../../core/errors.ts';
import type { SlackAdapterOptions } from './slack-adapter.ts';

export function slackOptionsFromConfig(
  config: RadarConfig['chat']['slack'],
  secrets: Secrets,
): SlackAdapterOptions | undefined {
  const botToken = secrets.SLACK_BOT_TOKEN;
  if (botToken === undefined) return undefined;
  if (config.mode === 'socket' && secrets.SLACK_APP_TOKEN === undefined) {
    throw new ConfigError(
      'Slack socket mode needs SLACK_APP_TOKEN (an app-level token, xapp-…), or set chat.slack.mode to "http"',
    );
  }
  if (config.mode === 'http' && secrets.SLACK_SIGNING_SECRET === undefined) {
    throw new ConfigError('Slack HTTP mode needs SLACK_SIGNING_SECRET');
  }
  return {
    mode: config.mode,
    botToken,
    appToken: secrets.SLACK_APP_TOKEN,
    signingSecret: secrets.SLACK_SIGNING_SECRET,
    apiUrl: config.apiUrl,
    httpPort: config.httpPort,
  };
}
