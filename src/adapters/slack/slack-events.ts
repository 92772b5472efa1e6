/**
 * Bolt listeners → the port's ChatEvents: reaction_added/removed → 'reaction'; a slash command
 * (`/radar <command> args`, or a command registered under its own name), a message starting with
 * `/` and a message mentioning the bot → 'command'; the 👍/👎 Block Kit buttons → 'button'.
 * Mentions in channels arrive as app_mention (the matching `message` event is skipped so a command
 * runs once); in direct messages, where Slack sends no app_mention, the message itself counts.
 */
import type { App } from '@slack/bolt';
import type { ChatEventHandler, ChatMessage } from '../../chat/chat-adapter.ts';
import type { Logger } from '../../log/logger.ts';
import { parseCommandText } from '../shared/command-text.ts';
import { parseFeedbackValue } from '../shared/feedback-value.ts';
import { guardedHandler } from '../shared/guarded-handler.ts';
import { slackEmoji } from './emoji-names.ts';
import { FEEDBACK_ACTION_DOWN, FEEDBACK_ACTION_UP } from './render-blocks.ts';

export interface SlackEventWiring {
  handler: ChatEventHandler;
  /** Posts a reply (in a thread when threadTs is given). */
  reply(channel: string, message: ChatMessage, threadTs?: string): Promise<void>;
  /** Shows `text` to one user only. */
  ephemeral(channel: string, user: string, text: string): Promise<void>;
  now(): string;
  logger: Logger;
}

const mentionPattern = (botUserId: string | undefined): RegExp =>
  botUserId ? new RegExp(`<@${botUserId}(\\|[^>]*)?>`, 'g') : /<@[A-Z0-9]+(\|[^>]*)?>/g;

export function wireSlackEvents(app: App, wiring: SlackEventWiring): void {
  const run = guardedHandler(wiring.handler, wiring.logger, 'slack');

  const command = (
    text: string,
    where: { channel: string; user: string; threadTs?: string | undefined },
    requireSlash: boolean,
  ) => {
    const parsed = parseCommandText(text, { requireSlash });
    if (!parsed) return Promise.resolve();
    return run({
      kind: 'command',
      platform: 'slack',
      chatId: where.channel,
      userId: where.user,
      at: wiring.now(),
      ...parsed,
      reply: (message) => wiring.reply(where.channel, message, where.threadTs),
    });
  };

  for (const [type, added] of [
    ['reaction_added', true],
    ['reaction_removed', false],
  ] as const) {
    app.event(type, async ({ event }) => {
      if (event.item.type !== 'message') return;
      await run({
        kind: 'reaction',
        platform: 'slack',
        chatId: event.item.channel,
        userId: event.user,
        at: wiring.now(),
        messageId: event.item.ts,
        emoji: slackEmoji(event.reaction),
        added,
      });
    });
  }

  app.command(/^\/.+/, async ({ command: body, ack }) => {
    await ack();
    const name = body.command.replace(/^\//, '');
    const text = name.toLowerCase() === 'radar' ? `/${body.text}` : `/${name} ${body.text}`;
    await command(
      text.trim() === '/' ? '/help' : text,
      { channel: body.channel_id, user: body.user_id },
      true,
    );
  });

  app.event('app_mention', async ({ event, context }) => {
    if (!event.user) return;
    const text = event.text.replace(mentionPattern(context.botUserId), ' ');
    await command(
      text,
      { channel: event.channel, user: event.user, threadTs: event.thread_ts ?? event.ts },
      false,
    );
  });

  app.message(async ({ message, context }) => {
    if (message.subtype !== undefined || !message.text || !message.user) return;
    const mentions = mentionPattern(context.botUserId);
    const mentioned = mentions.test(message.text);
    if (mentioned && message.channel_type !== 'im') return;
    const text = message.text.replace(mentions, ' ');
    const where = { channel: message.channel, user: message.user, threadTs: message.thread_ts ?? message.ts };
    await command(text, where, !mentioned);
  });

  app.action({ type: 'block_actions', action_id: /^radar_/ }, async ({ ack, body, action }) => {
    await ack();
    if (action.type !== 'button' || ![FEEDBACK_ACTION_UP, FEEDBACK_ACTION_DOWN].includes(action.action_id))
      return;
    const feedback = parseFeedbackValue(action.value ?? '');
    const channel = body.channel?.id ?? body.container.channel_id;
    const messageTs = body.message?.ts ?? body.container.message_ts;
    if (!feedback || typeof channel !== 'string' || typeof messageTs !== 'string') return;
    await run({
      kind: 'button',
      platform: 'slack',
      chatId: channel,
      userId: body.user.id,
      at: wiring.now(),
      messageId: messageTs,
      ...feedback,
      acknowledge: (text) =>
        text === '' ? Promise.resolve() : wiring.ephemeral(channel, body.user.id, text),
    });
  });
}
