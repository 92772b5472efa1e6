import { describe, expect, it } from 'vitest';
import { RadarConfig } from '../config/schema.ts';
import type { LabelChange } from '../store/labels-store.ts';
import { createLabelRecorder, labelOfReactions } from './label-events.ts';

const config = RadarConfig.parse({}).chat.reactions;

describe('labelOfReactions', () => {
  it.each([
    [['👍', '🔥'], '🔥', false, 1],
    [['👍'], '🔥', false, 1],
    [[], '👍', false, undefined],
    [['🤔'], '👍', false, undefined],
    [['👍', '👎'], '👎', true, -1],
    [['👍', '👎'], '🔥', false, -1],
    [['👍', '🔥', '👎'], '👎', true, 1],
  ] as const)('%j after %s (added %s) → %s', (set, emoji, added, value) => {
    expect(labelOfReactions(set, { emoji, added }, config)).toBe(value);
  });
});

describe('a platform that sends one emoji per event (Slack, Feishu)', () => {
  it('keeps the label while another valued reaction of the same user is still on the message', async () => {
    const applied: LabelChange[] = [];
    const recorder = createLabelRecorder({
      labels: { apply: async (changes) => applied.push(...changes) },
      messages: { find: async () => '2511.00001' },
      reactions: config,
    });
    const event = { platform: 'slack', chatId: 'C1', userId: 'U1', messageId: '1.2' } as const;
    await recorder.reaction({ ...event, emoji: '👍', added: true, at: '2026-11-21T09:00:00.000Z' });
    await recorder.reaction({ ...event, emoji: '🔥', added: true, at: '2026-11-21T09:00:01.000Z' });
    expect(
      await recorder.reaction({ ...event, emoji: '🔥', added: false, at: '2026-11-21T09:00:02.000Z' }),
    ).toEqual({ kind: 'labelled', paperId: '2511.00001', value: 1 });
    expect(
      await recorder.reaction({ ...event, emoji: '👍', added: false, at: '2026-11-21T09:00:03.000Z' }),
    ).toEqual({ kind: 'removed', paperId: '2511.00001' });
    expect(applied.map((c) => c.kind)).toEqual(['set', 'set', 'set', 'remove']);
  });
});
