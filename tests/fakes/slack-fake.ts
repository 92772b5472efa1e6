/**
 * A fake Slack Web API at `/api/<method>` for @slack/web-api and Bolt
 * (`slackApiUrl: fake.apiUrl`), plus a Socket Mode WebSocket endpoint that apps.connections.open
 * points to. Tokens are checked like Slack does (Bearer header or `token` param; bot token for Web
 * API methods, app-level token for apps.connections.open); rate limits are HTTP 429 + Retry-After.
 */
import { type FakeServer, type RecordedRequest, startFakeServer } from './fake-server.ts';
import { readFixture } from './fixtures.ts';
import { requestParams } from './request-params.ts';
import { type SocketModeFake, startSocketModeFake } from './slack/socket-mode-server.ts';
import {
  type AddedReaction,
  APP_ID,
  BOT_ID,
  BOT_USER_ID,
  createWorkspace,
  type PostedMessage,
  type SlackBody,
  type SlackChannel,
  type SlackUser,
  TEAM_ID,
} from './slack/workspace.ts';

export { signSlackRequest } from './slack/sign.ts';
export type { AddedReaction, PostedMessage, SlackChannel, SlackUser } from './slack/workspace.ts';

export interface SlackFakeOptions {
  botToken?: string;
  /** App-level token (xapp-…) accepted by apps.connections.open. */
  appToken?: string;
}

export interface SlackFake extends FakeServer {
  /** `${url}/api/`, the value for the WebClient's `slackApiUrl`. */
  readonly apiUrl: string;
  readonly botToken: string;
  readonly appToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly socketMode: SocketModeFake;
  postedMessages(): PostedMessage[];
  reactionsAdded(): AddedReaction[];
  addChannel(channel: SlackChannel): void;
  addUser(user: SlackUser): void;
  calls(method: string): RecordedRequest[];
  callParams(method: string): Array<Record<string, unknown>>;
  /** The next `times` calls to `method` answer HTTP 429, `Retry-After: retryAfter`, `{ok:false,error:'ratelimited'}`. */
  rateLimit(method: string, retryAfter: number, times?: number): void;
  /** The next `times` calls to `method` answer HTTP 200 `{ok:false, error}`. */
  failWith(method: string, error: string, times?: number): void;
}

function bearer(req: RecordedRequest, params: Record<string, unknown>): string | undefined {
  const header = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  if (header?.[1]) return header[1];
  return typeof params.token === 'string' ? params.token : undefined;
}

export async function startSlackFake(options: SlackFakeOptions = {}): Promise<SlackFake> {
  const botToken = options.botToken ?? 'xoxb-1234-5678-fake';
  const appToken = options.appToken ?? 'xapp-1-A123ABC456-1-fake';
  const server = await startFakeServer('slack');
  const socketMode = await startSocketModeFake({ appId: APP_ID });
  const workspace = createWorkspace();
  const ratelimited = readFixture('slack/error_ratelimited.json');
  let tickets = 0;

  const handle = (method: string, token: string | undefined, params: Record<string, unknown>): SlackBody => {
    if (token === undefined) return { ok: false, error: 'not_authed' };
    if (token !== botToken && token !== appToken) return { ok: false, error: 'invalid_auth' };
    if (method === 'apps.connections.open') {
      if (token !== appToken) return { ok: false, error: 'not_allowed_token_type' };
      tickets += 1;
      return { ok: true, url: `${socketMode.url}?ticket=fake-ticket-${tickets}&app_id=${APP_ID}` };
    }
    if (token !== botToken) return { ok: false, error: 'not_allowed_token_type' };
    if (method === 'auth.test') {
      return {
        ok: true,
        url: 'https://research-radar.slack.com/',
        team: 'Research Radar',
        user: 'radar',
        team_id: TEAM_ID,
        user_id: BOT_USER_ID,
        bot_id: BOT_ID,
        is_enterprise_install: false,
      };
    }
    const handler = workspace.methods[method];
    return handler ? handler(params) : { ok: false, error: 'unknown_method' };
  };

  server.route('POST', '/api/:method', (req, { method = '' }) => {
    const params = requestParams(req);
    return { body: handle(method, bearer(req, params), params) };
  });
  server.route('GET', '/api/:method', (req, { method = '' }) => {
    const params = requestParams(req);
    return { body: handle(method, bearer(req, params), params) };
  });

  const methodPath = (method: string): string => `/api/${method}`;
  const calls = (method: string) => server.requestsTo(methodPath(method));

  return {
    ...server,
    apiUrl: `${server.url}/api/`,
    botToken,
    appToken,
    teamId: TEAM_ID,
    botUserId: BOT_USER_ID,
    socketMode,
    postedMessages: () => [...workspace.messages],
    reactionsAdded: () => [...workspace.reactions],
    addChannel(channel) {
      workspace.channels.set(channel.id, channel);
    },
    addUser(user) {
      workspace.users.set(user.id, user);
    },
    calls,
    callParams: (method) => calls(method).map(requestParams),
    rateLimit(method, retryAfter, times = 1) {
      server.inject({
        fault: { kind: 'status', status: 429, retryAfter, body: ratelimited },
        match: (req) => req.path === methodPath(method),
        times,
      });
    },
    failWith(method, error, times = 1) {
      server.inject({
        fault: { kind: 'status', status: 200, body: { ok: false, error } },
        match: (req) => req.path === methodPath(method),
        times,
      });
    },
    async close() {
      await socketMode.close();
      await server.close();
    },
  };
}
