/**
 * The webhook receiver: a plain HTTP server that accepts POSTs only on its path and only with the
 * right `X-Telegram-Bot-Api-Secret-Token` (compared in constant time), parses the update and
 * hands it to the bot. Another path gets 404, a bad or missing secret 401 (never parsed). It
 * listens on 127.0.0.1 unless a host is given: put a TLS reverse proxy in front.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Update } from 'telegraf/types';
import { z } from 'zod';
import type { Logger } from '../../log/logger.ts';

const MAX_BODY_BYTES = 1_000_000;
const UpdateShape = z.looseObject({ update_id: z.int() });
const UpdateSchema = z.custom<Update>((value) => UpdateShape.safeParse(value).success);

export const DEFAULT_WEBHOOK_HOST = '127.0.0.1';
export const DEFAULT_WEBHOOK_PATH = '/telegram';

export interface WebhookServer {
  readonly host: string;
  readonly port: number;
  close(): Promise<void>;
}

export function secretMatches(expected: string, given: string | string[] | undefined): boolean {
  if (typeof given !== 'string') return false;
  // Comparing fixed-length digests keeps the time independent of where, or whether, lengths differ.
  const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();
  return timingSafeEqual(digest(expected), digest(given));
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function parseUpdate(body: string): Update | undefined {
  try {
    const parsed = UpdateSchema.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export async function startWebhookServer(options: {
  port: number;
  host?: string;
  path?: string;
  secret: string;
  logger: Pick<Logger, 'warn' | 'error'>;
  onUpdate: (update: Update) => Promise<void>;
}): Promise<WebhookServer> {
  const host = options.host ?? DEFAULT_WEBHOOK_HOST;
  const server: Server = createServer((req, res) => {
    const respond = (status: number): void => {
      res.writeHead(status).end();
    };
    const path = new URL(req.url ?? '/', 'http://webhook').pathname;
    if (path !== (options.path ?? DEFAULT_WEBHOOK_PATH)) return respond(404);
    if (req.method !== 'POST') return respond(405);
    if (!secretMatches(options.secret, req.headers['x-telegram-bot-api-secret-token'])) {
      options.logger.warn({ remote: req.socket.remoteAddress }, 'telegram webhook request with a bad secret');
      return respond(401);
    }
    void (async () => {
      const body = await readBody(req);
      const update = body === undefined ? undefined : parseUpdate(body);
      if (!update) return respond(400);
      try {
        await options.onUpdate(update);
        respond(200);
      } catch (error) {
        options.logger.error(
          { error: error instanceof Error ? error.message : String(error) },
          'webhook update failed',
        );
        respond(500);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const address = server.address();
  const port =
    typeof address === 'object' && address !== null ? (address satisfies AddressInfo).port : options.port;
  return {
    host,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
