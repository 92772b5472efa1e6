/**
 * The base of every fake external service: an HTTP server on 127.0.0.1 and a free port that
 * routes requests to handlers, records every request so tests can assert what the real SDK sent,
 * and injects faults (429 + Retry-After, 5xx, a response slower than the client's timeout,
 * a malformed body, a dropped connection) on the next matching requests.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  body: Buffer;
  text: string;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  json: unknown;
  /** When the request arrived, in ms (performance.timeOrigin + performance.now()), for rate-limit checks. */
  receivedAt: number;
}

export interface FakeResponse {
  status?: number;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string or Buffer is sent as is. */
  body?: unknown;
}

export type Handler = (
  req: RecordedRequest,
  params: Record<string, string>,
) => FakeResponse | Promise<FakeResponse>;

export type Fault =
  | {
      kind: 'status';
      status: number;
      retryAfter?: number;
      body?: unknown;
      headers?: Record<string, string>;
      /** The request is handled first (the write happens), then this error is answered: a lost success. */
      afterApplying?: boolean;
    }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed'; body?: string; contentType?: string }
  | { kind: 'drop' };

export interface FaultRule {
  fault: Fault;
  /** Only requests that match; default: every request. */
  match?: (req: RecordedRequest) => boolean;
  /** How many matching requests get the fault; default 1. */
  times?: number;
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  handler: Handler;
}

export interface FakeServer {
  readonly url: string;
  readonly port: number;
  readonly requests: RecordedRequest[];
  /** Adds a route; `:name` segments become params, a trailing `*` matches the rest. */
  route(method: string, path: string, handler: Handler): void;
  inject(rule: FaultRule): void;
  /** Requests whose path matches, in arrival order. */
  requestsTo(path: string | RegExp, method?: string): RecordedRequest[];
  close(): Promise<void>;
}

function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (segment === '*') {
        keys.push('rest');
        return '(.*)';
      }
      if (segment.startsWith(':')) {
        keys.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}/?$`), keys };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function toRecorded(req: IncomingMessage, body: Buffer, receivedAt: number): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[key] = Array.isArray(value) ? value.join(', ') : value;
  }
  const text = body.toString('utf8');
  let json: unknown;
  try {
    json = text.length > 0 ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return {
    method: req.method ?? 'GET',
    path: url.pathname,
    query: url.searchParams,
    headers,
    body,
    text,
    json,
    receivedAt,
  };
}

function send(res: ServerResponse, response: FakeResponse): void {
  const headers = { ...(response.headers ?? {}) };
  let payload: string | Buffer = '';
  if (Buffer.isBuffer(response.body) || typeof response.body === 'string') {
    payload = response.body;
  } else if (response.body !== undefined) {
    payload = JSON.stringify(response.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  res.writeHead(response.status ?? 200, headers);
  res.end(payload);
}

export async function startFakeServer(name = 'fake'): Promise<FakeServer> {
  const routes: Route[] = [];
  const rules: Array<FaultRule & { remaining: number }> = [];
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const takeFault = (req: RecordedRequest): Fault | undefined => {
    const rule = rules.find((r) => r.remaining > 0 && (r.match?.(req) ?? true));
    if (!rule) return undefined;
    rule.remaining -= 1;
    return rule.fault;
  };

  const route = async (recorded: RecordedRequest): Promise<FakeResponse> => {
    for (const r of routes) {
      if (r.method !== '*' && r.method !== recorded.method) continue;
      const match = r.pattern.exec(recorded.path);
      if (!match) continue;
      const params: Record<string, string> = {};
      r.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(match[i + 1] ?? '');
      });
      return r.handler(recorded, params);
    }
    return { status: 404, body: { error: `${name}: no route for ${recorded.method} ${recorded.path}` } };
  };

  const server: Server = createServer((req, res) => {
    const receivedAt = performance.timeOrigin + performance.now();
    void (async () => {
      const recorded = toRecorded(req, await readBody(req), receivedAt);
      requests.push(recorded);
      const fault = takeFault(recorded);
      if (fault?.kind === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'delay') {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, fault.ms);
          timers.add(timer);
          res.on('close', () => {
            clearTimeout(timer);
            resolve();
          });
        });
        if (res.destroyed || res.writableEnded) return;
      }
      if (fault?.kind === 'status') {
        if (fault.afterApplying) await route(recorded);
        const headers: Record<string, string> = { ...(fault.headers ?? {}) };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        send(res, {
          status: fault.status,
          headers,
          body: fault.body ?? { error: `injected ${fault.status}` },
        });
        return;
      }
      if (fault?.kind === 'malformed') {
        send(res, {
          status: 200,
          headers: { 'content-type': fault.contentType ?? 'application/json' },
          body: fault.body ?? '{"truncated": ',
        });
        return;
      }
      send(res, await route(recorded));
    })().catch((error: unknown) => {
      if (!res.headersSent) send(res, { status: 500, body: { error: String(error) } });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    route(method, path, handler) {
      routes.push({ method: method.toUpperCase(), ...compile(path), handler });
    },
    inject(rule) {
      rules.push({ ...rule, remaining: rule.times ?? 1 });
    },
    requestsTo(path, method) {
      return requests.filter(
        (r) =>
          (method === undefined || r.method === method) &&
          (typeof path === 'string' ? r.path === path : path.test(r.path)),
      );
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
