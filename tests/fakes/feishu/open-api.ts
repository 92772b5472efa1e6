/** Feishu open-platform envelopes: `{code:0, msg, data}` and errors `{code, msg, error:{log_id, troubleshooter}}`. */
import { randomBytes } from 'node:crypto';
import type { FakeResponse } from '../fake-server.ts';

export function success(data: unknown): FakeResponse {
  return { body: { code: 0, msg: 'success', data } };
}

/** API errors come with an HTTP status (400 for auth and validation, 429 for rate limits). */
export function feishuError(status: number, code: number, msg: string): FakeResponse {
  const logId = `2026${randomBytes(12).toString('hex').toUpperCase()}`;
  return {
    status,
    body: {
      code,
      msg,
      error: {
        log_id: logId,
        troubleshooter: `排查建议查看(Troubleshooting suggestions): https://open.feishu.cn/search?code=${code}&log_id=${logId}`,
      },
    },
  };
}

export const ERRORS = {
  missingToken: () =>
    feishuError(
      400,
      99991661,
      'Missing access token for authorization. Please make a request with token attached.',
    ),
  invalidToken: () =>
    feishuError(
      400,
      99991663,
      'Invalid access token for authorization. Please make a request with token attached.',
    ),
  invalidParam: () => feishuError(400, 230001, 'Your request contains an invalid request parameter.'),
  fieldValidation: () => feishuError(400, 99992402, 'field validation failed'),
  invalidReaction: () => feishuError(400, 231001, 'reaction type is invalid.'),
  rateLimited: (): FakeResponse => ({
    status: 429,
    headers: { 'x-ogw-ratelimit-limit': '50', 'x-ogw-ratelimit-reset': '1' },
    body: { code: 99991400, msg: 'request trigger frequency limit' },
  }),
} as const;

export const randomId = (prefix: string, bytes = 16): string =>
  `${prefix}${randomBytes(bytes).toString('hex')}`;
