import { describe, expect, it } from 'vitest';
import { feedbackData, parseFeedbackData } from './callback-data.ts';
import { parseCommand, reactionChanges } from './telegram-events.ts';

describe('telegram event helpers', () => {
  it('parses commands with a bot mention and arguments', () => {
    expect(parseCommand('/Search@radar_bot  llm agents ')).toEqual({ command: 'search', args: 'llm agents' });
    expect(parseCommand('/status')).toEqual({ command: 'status', args: '' });
    expect(parseCommand('hello')).toBeUndefined();
  });

  it('lists removed reactions before added ones', () => {
    const e = (emoji: '👍' | '🔥' | '👎') => ({ type: 'emoji' as const, emoji });
    expect(reactionChanges([e('👍')], [e('🔥')])).toEqual([
      { emoji: '👍', added: false },
      { emoji: '🔥', added: true },
    ]);
    expect(reactionChanges([e('👍')], [e('👍'), e('👎')])).toEqual([{ emoji: '👎', added: true }]);
  });

  it('round-trips the feedback buttons and rejects foreign data', () => {
    expect(parseFeedbackData(feedbackData('2511.01234', 1))).toEqual({ paperId: '2511.01234', value: 1 });
    expect(parseFeedbackData(feedbackData('hep-th/9901001', -1))).toEqual({
      paperId: 'hep-th/9901001',
      value: -1,
    });
    expect(parseFeedbackData('save:1')).toBeUndefined();
    expect(parseFeedbackData('fb:+1:not-an-id')).toBeUndefined();
  });
});
