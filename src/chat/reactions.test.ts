import { describe, expect, it } from 'vitest';
import { RadarConfig } from '../config/schema.ts';
import { reactionValue } from './reactions.ts';

const config = RadarConfig.parse({}).chat.reactions;

describe('reactionValue', () => {
  it.each([
    ['👍', 1],
    ['❤️', 1],
    ['❤', 1], // Telegram sends the heart without U+FE0F
    ['🔥', 1],
    ['🎉', 1],
    ['💯', 1],
    ['👎', -1],
    ['💔', -1],
    ['🥱', -1],
    ['😕', undefined], // not a reaction Telegram allows: no longer a default
    ['🤔', undefined],
  ])('%s → %s', (emoji, value) => {
    expect(reactionValue(emoji, config)).toBe(value);
  });

  it('follows the configured lists', () => {
    expect(reactionValue('🤔', { positive: ['🤔'], negative: [] })).toBe(1);
    expect(reactionValue('👍', { positive: [], negative: ['👍'] })).toBe(-1);
  });
});
