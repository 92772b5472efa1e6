import { afterEach, describe, expect, it } from 'vitest';
import { startWebhookServer, type WebhookServer } from '../src/adapters/telegram/webhook-server.ts';
import { RadarConfig } from '../src/config/schema.ts';
import { silentLogger } from '../src/log/logger.ts';

const SECRET = 'webhook-secret-0123456789';
let server: WebhookServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('the Telegram webhook server', () => {
  it('listens on 127.0.0.1 unless told otherwise, and only on its path', async () => {
    const updates: unknown[] = [];
    server = await startWebhookServer({
      port: 0,
      path: '/telegram/hook',
      secret: SECRET,
      logger: silentLogger(),
      onUpdate: async (u) => void updates.push(u),
    });
    expect(server.host).toBe('127.0.0.1');
    const post = (path: string) =>
      fetch(`http://127.0.0.1:${server?.port}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET },
        body: JSON.stringify({ update_id: 5 }),
      });
    expect((await post('/')).status).toBe(404);
    expect((await post('/anything')).status).toBe(404);
    expect((await post('/telegram/hook?x=1')).status).toBe(200);
    expect(updates).toEqual([{ update_id: 5 }]);
  });

  it('the config has a host and a path for it, with safe defaults', () => {
    const { telegram } = RadarConfig.parse({}).chat;
    expect(telegram.webhookHost).toBe('127.0.0.1');
    expect(telegram.webhookPath).toBe('/telegram');
    expect(() => RadarConfig.parse({ chat: { telegram: { webhookPath: 'no-slash' } } })).toThrow();
  });
});
