import { describe, expect, it } from 'vitest';
import { silentLogger } from '../log/logger.ts';
import { createAlerter } from './alerts.ts';
import type { Alert, ChatAdapter } from './chat-adapter.ts';

function recordingAdapter(sent: Array<{ chatId: string; alert: Alert }>): ChatAdapter {
  return {
    platform: 'telegram',
    start: async () => {},
    stop: async () => {},
    sendDigestItem: async () => ({ platform: 'telegram', chatId: '1', messageId: '1' }),
    sendMessage: async () => [],
    sendAlert: async (chatId, alert) => {
      sent.push({ chatId, alert });
      return [];
    },
  };
}

function setup(secrets: string[] = []) {
  let now = Date.parse('2026-11-21T08:00:00Z');
  const sent: Array<{ chatId: string; alert: Alert }> = [];
  const alerter = createAlerter({
    adapters: [recordingAdapter(sent)],
    targets: [{ platform: 'telegram', chatId: '42' }],
    clock: { now: () => new Date(now) },
    windowMs: 5 * 60_000,
    logger: silentLogger(),
    secrets,
  });
  return { alerter, sent, advance: (ms: number) => (now += ms) };
}

describe('alerter', () => {
  it('sends one alert per kind per window and reports the suppressed count on the next one', async () => {
    const { alerter, sent, advance } = setup();
    for (let i = 0; i < 10; i++) {
      await alerter.alert({
        kind: 'collector-failed',
        component: 'arxiv',
        error: new TypeError(`fail ${i}`),
      });
      advance(10_000);
    }
    expect(sent).toHaveLength(1);
    expect(sent[0]?.alert).toMatchObject({
      kind: 'collector-failed',
      component: 'arxiv',
      errorType: 'TypeError',
      message: 'fail 0',
      suppressed: 0,
      at: '2026-11-21T08:00:00.000Z',
    });
    advance(5 * 60_000);
    const outcome = await alerter.alert({
      kind: 'collector-failed',
      component: 'arxiv',
      error: new Error('again'),
    });
    expect(outcome.sent).toBe(true);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.alert.suppressed).toBe(9);
  });

  it('suppresses per kind: another kind in the same window is sent', async () => {
    const { alerter, sent } = setup();
    await alerter.alert({ kind: 'a', component: 'x', error: new Error('1') });
    await alerter.alert({ kind: 'b', component: 'x', error: new Error('2') });
    await alerter.alert({ kind: 'a', component: 'x', error: new Error('3') });
    expect(sent.map((s) => s.alert.kind)).toEqual(['a', 'b']);
  });

  it('never puts a secret in an alert: known values and token-shaped strings are redacted', async () => {
    const { alerter, sent } = setup(['hunter2-very-secret']);
    const error = new Error(
      'request to https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage failed; key hunter2-very-secret; Authorization: Bearer sk-abcdefghijklmnopqrstuvwx',
    );
    await alerter.alert({ kind: 'k', component: 'telegram', error });
    const message = sent[0]?.alert.message ?? '';
    expect(message).not.toContain('AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw');
    expect(message).not.toContain('hunter2-very-secret');
    expect(message).not.toContain('sk-abcdefghijklmnopqrstuvwx');
    expect(message).toContain('[redacted]');
  });

  it('keeps going when delivery fails', async () => {
    const failing: ChatAdapter = {
      ...recordingAdapter([]),
      sendAlert: async () => Promise.reject(new Error('down')),
    };
    const alerter = createAlerter({
      adapters: [failing],
      targets: [{ platform: 'telegram', chatId: '1' }],
      clock: { now: () => new Date() },
      windowMs: 1000,
      logger: silentLogger(),
    });
    await expect(alerter.alert({ kind: 'k', component: 'c', error: 'boom' })).resolves.toMatchObject({
      sent: true,
      deliveries: 0,
    });
  });
});
