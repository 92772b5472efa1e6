/**
 * Feishu custom-bot webhooks (`/open-apis/bot/v2/hook/<token>`). Every answer is HTTP 200; the
 * outcome is in `code`: 19001 unknown token, 9499 bad request, 19021 bad signature or a timestamp
 * more than an hour away, 19024 missing keyword, 0 success (bodies from the fixtures).
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { FakeResponse } from '../fake-server.ts';
import { readFixture } from '../fixtures.ts';

export interface WebhookOptions {
  /** Signature secret ("签名校验"); when set, requests need `timestamp` and `sign`. */
  secret?: string;
  /** Custom keywords ("自定义关键词"); when set, the message text must contain one. */
  keywords?: string[];
}

export interface WebhookDelivery {
  token: string;
  body: unknown;
}

/** sign = base64(HmacSHA256(key = `${timestamp}\n${secret}`, message = "")). */
export function signFeishuWebhook(secret: string, timestamp: number | string): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

const bodySchema = z.looseObject({
  msg_type: z.enum(['text', 'post', 'image', 'share_chat', 'interactive']),
  timestamp: z.union([z.string(), z.number()]).optional(),
  sign: z.string().optional(),
});

const ok = (body: unknown): FakeResponse => ({ body });

export interface WebhookRegistry {
  readonly delivered: WebhookDelivery[];
  add(token: string, options: WebhookOptions): void;
  handle(token: string, text: string, json: unknown): FakeResponse;
}

export function createWebhookRegistry(now: () => number = Date.now): WebhookRegistry {
  const hooks = new Map<string, WebhookOptions>();
  const delivered: WebhookDelivery[] = [];
  const fixture = (name: string): unknown => readFixture(`feishu/custom_bot_webhook_${name}.json`);

  return {
    delivered,
    add(token, options) {
      hooks.set(token, options);
    },
    handle(token, text, json) {
      const hook = hooks.get(token);
      if (!hook)
        return ok({ code: 19001, data: {}, msg: 'param invalid: incoming webhook access token invalid' });
      const parsed = bodySchema.safeParse(json);
      if (!parsed.success) return ok(fixture('response_bad_request_doc'));
      if (hook.secret !== undefined) {
        const { timestamp, sign } = parsed.data;
        const fresh = timestamp !== undefined && Math.abs(now() / 1000 - Number(timestamp)) <= 3600;
        if (!fresh || sign !== signFeishuWebhook(hook.secret, timestamp ?? '')) {
          return ok(fixture('response_sign_fail'));
        }
      }
      if (hook.keywords && !hook.keywords.some((keyword) => text.includes(keyword))) {
        return ok(fixture('response_keyword_fail_doc'));
      }
      delivered.push({ token, body: json });
      return ok(fixture('response_success_doc'));
    },
  };
}
