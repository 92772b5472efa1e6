import { describe, expect, it } from 'vitest';
import { feedbackChanges, type PageFeedback } from './feedback-poll.ts';

const page = (id: string, label: 1 | -1 | undefined): PageFeedback => ({
  id,
  label,
  user: 'u1',
  at: '2026-11-21T09:01:00.000Z',
});

describe('notion feedback changes', () => {
  it('sets new and changed labels, skips unchanged ones', () => {
    const current = new Map([
      ['2611.00001', { label: 1 as const, source: 'telegram' }],
      ['2611.00002', { label: 1 as const, source: 'notion' }],
    ]);
    const changes = feedbackChanges(
      [page('2611.00001', 1), page('2611.00002', -1), page('2611.00003', 1)],
      current,
    );
    expect(changes.map((c) => (c.kind === 'set' ? `${c.label.id}:${c.label.label}` : c.id))).toEqual([
      '2611.00002:-1',
      '2611.00003:1',
    ]);
  });

  it('a cleared Feedback removes only a label that came from Notion', () => {
    const current = new Map([
      ['2611.00001', { label: 1 as const, source: 'telegram' }],
      ['2611.00002', { label: 1 as const, source: 'notion' }],
    ]);
    const changes = feedbackChanges(
      [page('2611.00001', undefined), page('2611.00002', undefined), page('2611.00003', undefined)],
      current,
    );
    expect(changes).toEqual([{ kind: 'remove', id: '2611.00002', at: '2026-11-21T09:01:00.000Z' }]);
  });
});
