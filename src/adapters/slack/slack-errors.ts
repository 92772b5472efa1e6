/** Slack failures as the app's typed errors: the Web API's error code (`not_in_channel`), never a token. */
import { RadarError } from '../../core/errors.ts';

export class SlackApiError extends RadarError {
  constructor(
    readonly operation: string,
    reason: string,
    readonly slackError?: string,
    options?: { cause?: unknown },
  ) {
    super(`slack ${operation}: ${reason}`, options);
  }
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && key in value ? Reflect.get(value, key) : undefined;
}

/** @slack/web-api errors carry `code` (slack_webapi_platform_error, …) and, for API answers, `data.error`. */
export function toSlackError(operation: string, error: unknown): SlackApiError {
  if (error instanceof SlackApiError) return error;
  const platformError = field(field(error, 'data'), 'error');
  const code = field(error, 'code');
  if (typeof platformError === 'string') {
    return new SlackApiError(operation, `the API answered ${platformError}`, platformError, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new SlackApiError(operation, typeof code === 'string' ? `${code}: ${message}` : message, undefined, {
    cause: error,
  });
}
