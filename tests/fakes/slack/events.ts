/**
 * Events API bodies (`type: 'event_callback'`) built from the recorded doc fixtures, for Bolt in
 * HTTP mode (sign them with signSlackRequest) or as Socket Mode envelope payloads.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { readFixture } from '../fixtures.ts';

const envelopeSchema = z.looseObject({
  type: z.literal('event_callback'),
  team_id: z.string(),
  api_app_id: z.string(),
  event: z.looseObject({ type: z.string() }),
});

export type SlackEventEnvelope = z.infer<typeof envelopeSchema>;

function envelope(fixture: string, event: Record<string, unknown>): SlackEventEnvelope {
  const base = envelopeSchema.parse(readFixture(`slack/${fixture}`));
  return {
    ...base,
    event_id: `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
    event: { ...base.event, ...event },
  };
}

export interface ReactionEventOptions {
  reaction?: string;
  channel?: string;
  /** ts of the message that got the reaction. */
  ts?: string;
  user?: string;
  itemUser?: string;
}

export function reactionAddedEvent(options: ReactionEventOptions = {}): SlackEventEnvelope {
  return envelope('event_callback_reaction_added_doc.json', {
    reaction: options.reaction ?? 'thumbsup',
    user: options.user ?? 'U123ABC456',
    item_user: options.itemUser ?? 'U0BOT',
    item: {
      type: 'message',
      channel: options.channel ?? 'C123ABC456',
      ts: options.ts ?? '1360782400.498405',
      channel_type: 'channel',
    },
    event_ts: `${Math.floor(Date.now() / 1000)}.000100`,
  });
}

/** reaction_removed has the same shape as reaction_added. */
export function reactionRemovedEvent(options: ReactionEventOptions = {}): SlackEventEnvelope {
  const added = reactionAddedEvent(options);
  return { ...added, event: { ...added.event, type: 'reaction_removed' } };
}

export function appMentionEvent(
  options: { text?: string; channel?: string; user?: string } = {},
): SlackEventEnvelope {
  const ts = `${Math.floor(Date.now() / 1000)}.000200`;
  return envelope('event_callback_app_mention_doc.json', {
    text: options.text ?? '<@U0BOT> search llm agents',
    user: options.user ?? 'U061F7AUR',
    channel: options.channel ?? 'C123ABC456',
    ts,
    event_ts: ts,
  });
}
