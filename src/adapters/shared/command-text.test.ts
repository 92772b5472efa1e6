import { describe, expect, it } from 'vitest';
import { parseCommandText } from './command-text.ts';
import { feedbackValue, parseFeedbackValue } from './feedback-value.ts';

describe('parseCommandText', () => {
  it('reads the command word, lowercase, and the rest as args', () => {
    expect(parseCommandText('  /Search  llm agents ', { requireSlash: true })).toEqual({
      command: 'search',
      args: 'llm agents',
    });
    expect(parseCommandText('/status', { requireSlash: true })).toEqual({ command: 'status', args: '' });
  });

  it('drops the /radar prefix and a @bot suffix', () => {
    expect(parseCommandText('/radar leaderboard swe-bench', { requireSlash: true })).toEqual({
      command: 'leaderboard',
      args: 'swe-bench',
    });
    expect(parseCommandText('/radar', { requireSlash: true })).toEqual({ command: 'help', args: '' });
    expect(parseCommandText('/like@radar_bot 2511.01234', { requireSlash: true })).toEqual({
      command: 'like',
      args: '2511.01234',
    });
  });

  it('needs the slash unless the bot was addressed', () => {
    expect(parseCommandText('search foo', { requireSlash: true })).toBeUndefined();
    expect(parseCommandText('search foo', { requireSlash: false })).toEqual({
      command: 'search',
      args: 'foo',
    });
    expect(parseCommandText('   ', { requireSlash: false })).toBeUndefined();
  });
});

describe('feedback values', () => {
  it('round-trip and reject anything else', () => {
    expect(parseFeedbackValue(feedbackValue('2511.01234', -1))).toEqual({ paperId: '2511.01234', value: -1 });
    expect(parseFeedbackValue('fb:+1:cs/0101001')).toEqual({ paperId: 'cs/0101001', value: 1 });
    expect(parseFeedbackValue('fb:+2:x')).toBeUndefined();
    expect(parseFeedbackValue('fb:+1:')).toBeUndefined();
  });
  it('with the bot’s own name, ignores a command addressed to another bot', () => {
    const options = { requireSlash: true, botName: 'radar_bot' };
    expect(parseCommandText('/start@OtherBot', options)).toBeUndefined();
    expect(parseCommandText('/Status@Radar_Bot now', options)).toEqual({ command: 'status', args: 'now' });
    expect(parseCommandText('/status', options)).toEqual({ command: 'status', args: '' });
  });
});
