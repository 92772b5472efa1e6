/**
 * Feedback from chat → labels: a reaction on a paper message, a 👍/👎 button, `/like` and
 * `/dislike`. Source = the platform, user = the platform's user id; the labels store keeps the
 * last change. Reactions are a set: the label follows the user's reactions on the message after
 * the change (👍 🔥 → 👍 keeps 👍), and only a set with no valued reaction left removes it.
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
  /** The user's reaction set after the change, when the platform sends it. */
  reactions?: readonly string[] | undefined;
}

/**
 * The label a reaction set stands for: the sign of its valued reactions; a tie (👍 and 👎) goes
 * the way this change moved it; undefined when no valued reaction is left.
 */
export function labelOfReactions(
  reactions: readonly string[],
  change: { emoji: string; added: boolean },
  config: ReactionConfig,
): 1 | -1 | undefined {
  const values = reactions.flatMap((e) => {
    const value = reactionValue(e, config);
    return value === undefined ? [] : [value];
  });
  if (values.length === 0) return undefined;
  const sum = values.reduce<number>((a, b) => a + b, 0);
  if (sum !== 0) return sum > 0 ? 1 : -1;
  const moved = reactionValue(change.emoji, config) ?? 1;
  return change.added ? moved : moved === 1 ? -1 : 1;
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
  // Platforms that send one emoji per event (Slack, Feishu): the sets seen by this process.
  const seen = new Map<string, Set<string>>();
  const currentSet = (input: ReactionInput): readonly string[] => {
    if (input.reactions) return input.reactions;
    const key = [input.platform, input.chatId, input.messageId, input.userId].join('\u0000');
    const set = seen.get(key) ?? new Set<string>();
    if (input.added) set.add(input.emoji);
    else set.delete(input.emoji);
    seen.set(key, set);
    return [...set];
  };
  return {
    direct,
    async reaction(input) {
      if (reactionValue(input.emoji, deps.reactions) === undefined)
        return { kind: 'ignored', why: 'neutral emoji' };
      const paperId = await deps.messages.find(input.platform, input.chatId, input.messageId);
      if (paperId === undefined) return { kind: 'ignored', why: 'not a paper message' };
      const value = labelOfReactions(currentSet(input), input, deps.reactions);
      if (value !== undefined) return direct({ ...input, paperId, value });
      await deps.labels.apply([{ kind: 'remove', id: paperId, at: input.at }]);
      return { kind: 'removed', paperId };
    },
  };
}
