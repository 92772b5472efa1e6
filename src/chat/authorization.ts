/**
 * Who may talk to the bots: per platform, an allowlist of chat ids and one of user ids. An event
 * passes when its user or its chat is listed (a listed group trusts its members). Anyone else gets
 * one short refusal per process and is then ignored; every refused attempt is logged without the
 * message content. Empty lists let no one in.
 */
import type { Logger } from '../log/logger.ts';
import type { ChatPlatform } from './chat-adapter.ts';

export interface Allowlist {
  chatIds: readonly string[];
  userIds: readonly string[];
}

export type Verdict = 'allow' | 'refuse' | 'ignore';

export interface AttemptInfo {
  platform: ChatPlatform;
  chatId: string;
  userId: string;
  kind: string;
}

export interface Authorizer {
  check(attempt: AttemptInfo): Verdict;
}

export const REFUSAL_TEXT = 'Sorry, this bot is private.';

export function createAuthorizer(
  allowlists: Partial<Record<ChatPlatform, Allowlist>>,
  logger: Pick<Logger, 'warn'>,
): Authorizer {
  const refused = new Set<string>();
  return {
    check(attempt) {
      const list = allowlists[attempt.platform];
      if (list && (list.userIds.includes(attempt.userId) || list.chatIds.includes(attempt.chatId))) {
        return 'allow';
      }
      const key = `${attempt.platform}:${attempt.userId}`;
      const first = !refused.has(key);
      refused.add(key);
      logger.warn(
        { platform: attempt.platform, chatId: attempt.chatId, userId: attempt.userId, kind: attempt.kind },
        'chat event from a user or chat not on the allowlist',
      );
      return first ? 'refuse' : 'ignore';
    },
  };
}
