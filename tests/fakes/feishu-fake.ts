/**
 * A fake Feishu (Lark) open platform for `new lark.Client({ domain: fake.url })`: the internal
 * tenant_access_token endpoint, im/v1 message create / reply / reactions behind that token, and
 * custom-bot webhooks with signature checks. The long-connection (WSClient, protobuf frames)
 * endpoint is not faked: feed events to `EventDispatcher.invoke` with the builders in feishu/events.ts.
 */
import { z } from 'zod';
import { type FakeResponse, type FakeServer, type RecordedRequest, startFakeServer } from './fake-server.ts';
import { createMessageStore, type FeishuMessage, type FeishuReaction } from './feishu/messages.ts';
import { ERRORS, randomId } from './feishu/open-api.ts';
import { createWebhookRegistry, type WebhookDelivery, type WebhookOptions } from './feishu/webhook.ts';
import { readFixture } from './fixtures.ts';

export type { FeishuMessage, FeishuReaction } from './feishu/messages.ts';
export { signFeishuWebhook, type WebhookDelivery, type WebhookOptions } from './feishu/webhook.ts';

export interface FeishuFakeOptions {
  appId: string;
  appSecret: string;
  tenantKey?: string;
}

export interface FeishuFake extends FakeServer {
  readonly appId: string;
  /** Tenant access tokens handed out, oldest first. */
  tokensIssued(): string[];
  /** Makes every issued token invalid (as after expiry); API calls then fail with 99991663. */
  revokeTokens(): void;
  sentMessages(): FeishuMessage[];
  reactions(): FeishuReaction[];
  /** Registers a custom-bot webhook and returns its full URL. */
  addWebhook(token: string, options?: WebhookOptions): string;
  webhookDeliveries(): WebhookDelivery[];
  /** The next `times` requests whose path contains `pathPart` answer 429 / code 99991400. */
  rateLimit(pathPart: string, times?: number): void;
  calls(path: string | RegExp): RecordedRequest[];
}

const TOKEN_PATH = '/open-apis/auth/v3/tenant_access_token/internal';
const tokenRequestSchema = z.object({ app_id: z.string(), app_secret: z.string() });
const tokenFixtureSchema = z.object({ expire: z.number() });

export async function startFeishuFake(options: FeishuFakeOptions): Promise<FeishuFake> {
  const server = await startFakeServer('feishu');
  const tenantKey = options.tenantKey ?? '736588c9260f175e';
  const messages = createMessageStore({ appId: options.appId, tenantKey });
  const webhooks = createWebhookRegistry();
  const { expire } = tokenFixtureSchema.parse(
    readFixture('feishu/tenant_access_token_internal_response_doc.json'),
  );
  const issued: string[] = [];
  const valid = new Set<string>();

  server.route('POST', TOKEN_PATH, (req) => {
    const body = tokenRequestSchema.safeParse(req.json);
    if (!body.success || body.data.app_id !== options.appId)
      return { body: { code: 10003, msg: 'invalid param' } };
    if (body.data.app_secret !== options.appSecret)
      return { body: { code: 10014, msg: 'app secret invalid' } };
    const token = randomId('t-', 20);
    issued.push(token);
    valid.add(token);
    return { body: { code: 0, msg: 'ok', tenant_access_token: token, expire } };
  });

  /** Runs `handler` only for requests carrying a live tenant access token. */
  const authorized =
    (handler: (req: RecordedRequest, params: Record<string, string>) => FakeResponse) =>
    (req: RecordedRequest, params: Record<string, string>): FakeResponse => {
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (token === undefined) return ERRORS.missingToken();
      if (!valid.has(token)) return ERRORS.invalidToken();
      return handler(req, params);
    };

  server.route(
    'POST',
    '/open-apis/im/v1/messages',
    authorized((req) => messages.create(req.query.get('receive_id_type'), req.json)),
  );
  server.route(
    'GET',
    '/open-apis/im/v1/messages/:id',
    authorized((_req, { id = '' }) => messages.get(id)),
  );
  server.route(
    'POST',
    '/open-apis/im/v1/messages/:id/reply',
    authorized((req, { id = '' }) => messages.reply(id, req.json)),
  );
  server.route(
    'POST',
    '/open-apis/im/v1/messages/:id/reactions',
    authorized((req, { id = '' }) => messages.react(id, req.json)),
  );
  server.route('POST', '/open-apis/bot/v2/hook/:token', (req, { token = '' }) =>
    webhooks.handle(token, req.text, req.json),
  );

  return {
    ...server,
    appId: options.appId,
    tokensIssued: () => [...issued],
    revokeTokens: () => valid.clear(),
    sentMessages: () => [...messages.sent],
    reactions: () => [...messages.reactions],
    addWebhook(token, hookOptions = {}) {
      webhooks.add(token, hookOptions);
      return `${server.url}/open-apis/bot/v2/hook/${token}`;
    },
    webhookDeliveries: () => [...webhooks.delivered],
    rateLimit(pathPart, times = 1) {
      const { status, headers, body } = ERRORS.rateLimited();
      server.inject({
        fault: { kind: 'status', status: status ?? 429, headers: headers ?? {}, body },
        match: (req) => req.path.includes(pathPart),
        times,
      });
    },
    calls: (path) => server.requestsTo(path),
  };
}
