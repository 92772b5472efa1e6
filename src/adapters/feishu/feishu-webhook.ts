/**
 * Feishu without an app: a custom-bot webhook (FEISHU_WEBHOOK_URL, signed with
 * FEISHU_WEBHOOK_SECRET when the bot has "signature verification" on). It can only send, to the
 * one chat the bot lives in: digest cards (without 👍/👎 buttons, since a custom bot gets no
 * callbacks), messages and alerts. start() receives nothing. The webhook answers HTTP 200 with a
 * `code`; anything but 0 becomes a FeishuWebhookError (19021: bad signature or clock skew).
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { Alert, ChatAdapter, ChatMessage, DigestItem, SentMessage } from '../../chat/chat-adapter.ts';
import { alertMessage } from '../../chat/message-format.ts';
import type { Clock } from '../../core/clock.ts';
import { RadarError } from '../../core/errors.ts';
import type { HttpClient } from '../../http/http-client.ts';
import type { Logger } from '../../log/logger.ts';
import { renderDigestCard, renderPosts } from './render-card.ts';

export class FeishuWebhookError extends RadarError {
  constructor(
    readonly code: number,
    readonly msg: string,
  ) {
    const hint = code === 19021 ? ': check FEISHU_WEBHOOK_SECRET and the machine clock' : '';
    super(`the Feishu webhook rejected the message (code ${code}, ${msg})${hint}`);
  }
}

/** sign = base64(HMAC-SHA256 with key `${timestamp}\n${secret}` over an empty message). */
export function signWebhook(secret: string, timestamp: number): string {
  return createHmac('sha256', `${timestamp}\n${secret}`).update('').digest('base64');
}

export interface FeishuWebhookOptions {
  /** FEISHU_WEBHOOK_URL: https://open.feishu.cn/open-apis/bot/v2/hook/<token> */
  url: string;
  /** FEISHU_WEBHOOK_SECRET, when the bot checks signatures. */
  secret?: string | undefined;
}

export interface FeishuWebhookDeps {
  http: HttpClient;
  clock: Clock;
  logger: Logger;
}

const webhookAnswer = z.looseObject({
  code: z.number().optional(),
  StatusCode: z.number().optional(),
  msg: z.string().optional(),
});

export function createFeishuWebhookAdapter(
  deps: FeishuWebhookDeps,
  options: FeishuWebhookOptions,
): ChatAdapter {
  let sequence = 0;

  async function post(chatId: string, body: Record<string, unknown>): Promise<SentMessage> {
    const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
    const signed =
      options.secret === undefined
        ? body
        : { ...body, timestamp: String(timestamp), sign: signWebhook(options.secret, timestamp) };
    const response = await deps.http.request(options.url, {
      operation: 'Feishu webhook',
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: JSON.stringify(signed),
    });
    let json: unknown;
    try {
      json = JSON.parse(response.text());
    } catch {
      json = undefined;
    }
    const parsed = webhookAnswer.safeParse(json);
    if (!parsed.success) throw new FeishuWebhookError(-1, 'the answer is not JSON');
    const code = parsed.data.code ?? parsed.data.StatusCode ?? 0;
    if (code !== 0) throw new FeishuWebhookError(code, parsed.data.msg ?? '');
    sequence += 1;
    // The webhook returns no message id; this one only has to be unique (no reactions come back).
    return { platform: 'feishu', chatId, messageId: `webhook-${timestamp}-${sequence}` };
  }

  async function sendPosts(chatId: string, message: ChatMessage): Promise<SentMessage[]> {
    const sent: SentMessage[] = [];
    for (const content of renderPosts(message))
      sent.push(await post(chatId, { msg_type: 'post', content: { post: content } }));
    return sent;
  }

  return {
    platform: 'feishu',
    async start() {
      deps.logger.info('feishu webhook mode: sending only, no events');
    },
    async stop() {},
    sendDigestItem: (chatId: string, item: DigestItem) =>
      post(chatId, { msg_type: 'interactive', card: renderDigestCard(item, { feedbackButtons: false }) }),
    sendMessage: sendPosts,
    sendAlert: (chatId: string, alert: Alert) => sendPosts(chatId, alertMessage(alert)),
  };
}
