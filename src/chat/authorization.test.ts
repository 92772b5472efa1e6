import { describe, expect, it } from 'vitest';
import { createAuthorizer } from './authorization.ts';

function recordingLogger() {
  const lines: unknown[] = [];
  return { lines, logger: { warn: (obj: unknown) => void lines.push(obj) } };
}

describe('authorizer', () => {
  const lists = { telegram: { chatIds: ['-100'], userIds: ['7'] } };

  it('allows a listed user anywhere and anyone in a listed chat', () => {
    const { logger } = recordingLogger();
    const auth = createAuthorizer(lists, logger);
    expect(auth.check({ platform: 'telegram', chatId: '7', userId: '7', kind: 'command' })).toBe('allow');
    expect(auth.check({ platform: 'telegram', chatId: '-100', userId: '99', kind: 'reaction' })).toBe(
      'allow',
    );
  });

  it('refuses a stranger once, then ignores them, logging each attempt without content', () => {
    const { logger, lines } = recordingLogger();
    const auth = createAuthorizer(lists, logger);
    const attempt = { platform: 'telegram' as const, chatId: '5', userId: '5', kind: 'command' };
    expect(auth.check(attempt)).toBe('refuse');
    expect(auth.check(attempt)).toBe('ignore');
    expect(auth.check({ ...attempt, userId: '6', chatId: '6' })).toBe('refuse');
    expect(lines).toEqual([
      { platform: 'telegram', chatId: '5', userId: '5', kind: 'command' },
      { platform: 'telegram', chatId: '5', userId: '5', kind: 'command' },
      { platform: 'telegram', chatId: '6', userId: '6', kind: 'command' },
    ]);
  });

  it('lets no one in with empty allowlists or on an unlisted platform', () => {
    const auth = createAuthorizer({ telegram: { chatIds: [], userIds: [] } }, recordingLogger().logger);
    expect(auth.check({ platform: 'telegram', chatId: '1', userId: '1', kind: 'command' })).toBe('refuse');
    expect(auth.check({ platform: 'slack', chatId: '-100', userId: '7', kind: 'command' })).toBe('refuse');
  });
});
