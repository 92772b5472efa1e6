/**
 * Feedback from chat → labels: a reaction on a paper message, a 👍/👎 button, `/like` and
 * `/dislike`. Source = the platform, user = the platform's user id; removing a valued reaction
 * removes the label; the labels store keeps the last change.
 */
import type { LabelChange } from '../store/labels-store.ts';
import type { MessageMapStore } from '../store/message-map-store.ts';
import type { ChatPlatform } from './chat-adapter.ts';
import { type ReactionConfig, reactionValue } from './reactions.ts';

/** Where label changes go: the labels store, or a wrapper that takes the state lock around it. */
export interface LabelSink {
  apply(changes: readonly LabelChange[]): Promise<number>;
}

export interface ReactionInput {
  platform: ChatPlatform;
  chatId: string;
  userId: string;
  messageId: string;
  emoji: string;
  added: boolean;
  at: string;
}

export type LabelOutcome =
  | { kind: 'labelled'; paperId: string; value: 1 | -1 }
  | { kind: 'removed'; paperId: string }
  | { kind: 'ignored'; why: 'neutral emoji' | 'not a paper message' };

export interface LabelRecorder {
  reaction(input: ReactionInput): Promise<LabelOutcome>;
  /** A button press or a `/like` `/dislike` command naming the paper directly. */
  direct(input: {
    platform: ChatPlatform;
    userId: string;
    paperId: string;
    value: 1 | -1;
    at: string;
  }): Promise<LabelOutcome>;
}

export function createLabelRecorder(deps: {
  labels: LabelSink;
  messages: Pick<MessageMapStore, 'find'>;
  reactions: ReactionConfig;
}): LabelRecorder {
  const direct: LabelRecorder['direct'] = async (input) => {
    await deps.labels.apply([
      {
        kind: 'set',
        label: {
          id: input.paperId,
          label: input.value,
          source: input.platform,
          user: input.userId,
          at: input.at,
        },
      },
    ]);
    return { kind: 'labelled', paperId: input.paperId, value: input.value };
  };
  return {
    direct,
    async reaction(input) {
      const value = reactionValue(input.emoji, deps.reactions);
      if (value === undefined) return { kind: 'ignored', why: 'neutral emoji' };
      const paperId = await deps.messages.find(input.platform, input.chatId, input.messageId);
      if (paperId === undefined) return { kind: 'ignored', why: 'not a paper message' };
      if (input.added) return direct({ ...input, paperId, value });
      await deps.labels.apply([{ kind: 'remove', id: paperId, at: input.at }]);
      return { kind: 'removed', paperId };
    },
  };
}
