import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHAT, type Harness, startHarness, TODAY } from './chat/telegram-setup.ts';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

/** The next sendMessage carrying this text answers 400 (a message Telegram refuses). */
function refuseMessageWith(text: string): void {
  h.fake.inject({
    fault: {
      kind: 'status',
      status: 400,
      body: { ok: false, error_code: 400, description: "Bad Request: can't parse entities" },
    },
    match: (req) => req.path.endsWith('/sendMessage') && req.body.toString('utf8').includes(text),
  });
}

describe('a digest message that fails', () => {
  it('does not stop the rest of the chat’s digest; the count says what was sent and the failed paper is retried', async () => {
    const failing = h.papers[1];
    refuseMessageWith(failing?.title.slice(0, 20) ?? '');
    const [result] = await h.runner.sendDigest(TODAY);
    expect(result).toMatchObject({ sent: 2, skipped: 0 });
    expect(result?.failed).toEqual([{ paperId: failing?.id, error: expect.stringContaining("can't parse") }]);
    expect(result?.error).toContain(`1 of 3 papers not sent: ${failing?.id}`);
    const texts = h.fake.sentMessages().map((m) => m.plain_text);
    expect(texts).toHaveLength(4);
    expect(texts[0]).toContain('3 papers picked');
    expect(texts[1]).toContain(h.papers[0]?.title);
    expect(texts[2]).toContain(h.papers[2]?.title);
    expect(texts[3]).toContain('teach the radar');
    const sentTo = await h.stores.messageMap.sentTo('telegram', String(CHAT));
    expect([...sentTo].sort()).toEqual([h.papers[0]?.id, h.papers[2]?.id].sort());

    // The next send retries only the paper that failed.
    const [again] = await h.runner.sendDigest(TODAY);
    expect(again).toMatchObject({ sent: 1, skipped: 2, failed: [] });
    expect(again?.error).toBeUndefined();
    expect(
      h.fake
        .sentMessages()
        .slice(4)
        .map((m) => m.plain_text),
    ).toEqual([
      expect.stringContaining('1 paper picked'),
      expect.stringContaining(failing?.title ?? ''),
      expect.stringContaining('teach the radar'),
    ]);
  });
});
