/**
 * The state behind the fake Slack Web API: channels (with membership), users, posted messages and
 * reactions, and the methods that read and change them. Errors are Slack's: HTTP 200 with
 * `{ok:false, error}` (channel_not_found, not_in_channel, no_text, msg_too_long, invalid_blocks,
 * message_not_found, already_reacted, invalid_name, user_not_found).
 */
import { z } from 'zod';

export interface SlackChannel {
  id: string;
  name: string;
  is_member: boolean;
  is_private: boolean;
}

export interface SlackUser {
  id: string;
  name: string;
  real_name: string;
  is_bot: boolean;
}

export interface PostedMessage {
  channel: string;
  ts: string;
  text: string;
  blocks?: unknown[];
  thread_ts?: string;
  updated: boolean;
  /** chat.postEphemeral: the one user who sees it. */
  ephemeralTo?: string;
}

export interface AddedReaction {
  channel: string;
  timestamp: string;
  name: string;
}

export type SlackBody = Record<string, unknown>;
type Method = (params: Record<string, unknown>) => SlackBody;

export const TEAM_ID = 'T123ABC456';
export const BOT_USER_ID = 'U0BOT';
export const BOT_ID = 'B0BOT';
export const APP_ID = 'A123ABC456';
const MAX_TEXT = 40000;

const failure = (error: string): SlackBody => ({ ok: false, error });

const postSchema = z.object({
  channel: z.string(),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
  attachments: z.unknown().optional(),
  thread_ts: z.string().optional(),
});
const updateSchema = z.object({
  channel: z.string(),
  ts: z.string(),
  text: z.string().optional(),
  blocks: z.unknown().optional(),
});
const reactionSchema = z.object({ channel: z.string(), timestamp: z.string(), name: z.string() });

export interface Workspace {
  readonly channels: Map<string, SlackChannel>;
  readonly users: Map<string, SlackUser>;
  readonly messages: PostedMessage[];
  readonly reactions: AddedReaction[];
  readonly methods: Record<string, Method>;
}

function defaultChannels(): SlackChannel[] {
  return [
    { id: 'C123ABC456', name: 'research', is_member: true, is_private: false },
    { id: 'C1H9RESGL', name: 'general', is_member: true, is_private: false },
    { id: 'C0NOTIN01', name: 'random', is_member: false, is_private: false },
  ];
}

function defaultUsers(): SlackUser[] {
  return [
    { id: 'U123ABC456', name: 'grace', real_name: 'Grace Hopper', is_bot: false },
    { id: 'U061F7AUR', name: 'ada', real_name: 'Ada Lovelace', is_bot: false },
    { id: BOT_USER_ID, name: 'radar', real_name: 'Research Radar', is_bot: true },
  ];
}

export function createWorkspace(): Workspace {
  const channels = new Map(defaultChannels().map((c) => [c.id, c]));
  const users = new Map(defaultUsers().map((u) => [u.id, u]));
  const messages: PostedMessage[] = [];
  const reactions: AddedReaction[] = [];
  let counter = 0;
  const nextTs = (): string => `${Math.floor(Date.now() / 1000)}.${String(++counter).padStart(6, '0')}`;

  const findChannel = (ref: string): SlackChannel | undefined =>
    channels.get(ref) ?? [...channels.values()].find((c) => c.name === ref.replace(/^#/, ''));

  const messageBody = (m: PostedMessage): SlackBody => ({
    type: 'message',
    subtype: 'bot_message',
    text: m.text,
    user: BOT_USER_ID,
    bot_id: BOT_ID,
    app_id: APP_ID,
    team: TEAM_ID,
    ts: m.ts,
    ...(m.blocks ? { blocks: m.blocks } : {}),
    ...(m.thread_ts ? { thread_ts: m.thread_ts } : {}),
  });

  const checkContent = (
    text: string | undefined,
    blocks: unknown,
    attachments: unknown,
  ): string | undefined => {
    if (blocks !== undefined && (!Array.isArray(blocks) || blocks.length > 50)) return 'invalid_blocks';
    if (!text && blocks === undefined && attachments === undefined) return 'no_text';
    if (text !== undefined && text.length > MAX_TEXT) return 'msg_too_long';
    return undefined;
  };

  const methods: Record<string, Method> = {
    'chat.postMessage': (params) => {
      const p = postSchema.safeParse(params);
      if (!p.success) return failure('channel_not_found');
      const channel = findChannel(p.data.channel);
      if (!channel) return failure('channel_not_found');
      if (!channel.is_member) return failure('not_in_channel');
      const error = checkContent(p.data.text, p.data.blocks, p.data.attachments);
      if (error) return failure(error);
      const message: PostedMessage = {
        channel: channel.id,
        ts: nextTs(),
        text: p.data.text ?? '',
        updated: false,
      };
      if (Array.isArray(p.data.blocks)) message.blocks = p.data.blocks;
      if (p.data.thread_ts !== undefined) message.thread_ts = p.data.thread_ts;
      messages.push(message);
      return { ok: true, channel: channel.id, ts: message.ts, message: messageBody(message) };
    },
    'chat.postEphemeral': (params) => {
      const p = postSchema.extend({ user: z.string() }).safeParse(params);
      if (!p.success) return failure('channel_not_found');
      const channel = findChannel(p.data.channel);
      if (!channel) return failure('channel_not_found');
      if (!users.has(p.data.user)) return failure('user_not_in_channel');
      const error = checkContent(p.data.text, p.data.blocks, p.data.attachments);
      if (error) return failure(error);
      const message: PostedMessage = {
        channel: channel.id,
        ts: nextTs(),
        text: p.data.text ?? '',
        updated: false,
      };
      message.ephemeralTo = p.data.user;
      messages.push(message);
      return { ok: true, message_ts: message.ts };
    },
    'chat.update': (params) => {
      const p = updateSchema.safeParse(params);
      if (!p.success) return failure('invalid_arguments');
      const channel = findChannel(p.data.channel);
      const message = messages.find((m) => m.channel === channel?.id && m.ts === p.data.ts);
      if (!message) return failure('message_not_found');
      const error = checkContent(p.data.text, p.data.blocks, undefined);
      if (error) return failure(error);
      message.text = p.data.text ?? '';
      if (Array.isArray(p.data.blocks)) message.blocks = p.data.blocks;
      message.updated = true;
      return {
        ok: true,
        channel: message.channel,
        ts: message.ts,
        text: message.text,
        message: messageBody(message),
      };
    },
    'reactions.add': (params) => {
      const p = reactionSchema.safeParse(params);
      if (!p.success) return failure('no_item_specified');
      const channel = findChannel(p.data.channel);
      if (!channel) return failure('channel_not_found');
      if (!/^[a-z0-9_+'-]+$/.test(p.data.name)) return failure('invalid_name');
      const reaction = { channel: channel.id, timestamp: p.data.timestamp, name: p.data.name };
      const duplicate = reactions.some(
        (r) =>
          r.channel === reaction.channel && r.timestamp === reaction.timestamp && r.name === reaction.name,
      );
      if (duplicate) return failure('already_reacted');
      reactions.push(reaction);
      return { ok: true };
    },
    'conversations.info': (params) => {
      const channel = typeof params.channel === 'string' ? channels.get(params.channel) : undefined;
      if (!channel) return failure('channel_not_found');
      return {
        ok: true,
        channel: {
          id: channel.id,
          name: channel.name,
          name_normalized: channel.name,
          is_channel: !channel.is_private,
          is_group: channel.is_private,
          is_im: false,
          is_private: channel.is_private,
          is_archived: false,
          is_member: channel.is_member,
          created: 1449252889,
          creator: 'U123ABC456',
          topic: { value: '', creator: '', last_set: 0 },
          purpose: { value: '', creator: '', last_set: 0 },
        },
      };
    },
    'users.info': (params) => {
      const user = typeof params.user === 'string' ? users.get(params.user) : undefined;
      if (!user) return failure('user_not_found');
      return {
        ok: true,
        user: {
          id: user.id,
          team_id: TEAM_ID,
          name: user.name,
          deleted: false,
          real_name: user.real_name,
          tz: 'Europe/Paris',
          is_bot: user.is_bot,
          profile: { real_name: user.real_name, display_name: user.name, team: TEAM_ID },
        },
      };
    },
  };

  return { channels, users, messages, reactions, methods };
}
