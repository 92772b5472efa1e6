/**
 * The chat port: what the app needs from a chat platform. Telegram, Slack and Feishu each
 * implement it in their own adapter folder (src/adapters/<platform>/); everything in src/chat/
 * (commands, authorization, reactions → labels, alerts, the digest) works only with this port.
 */

export type ChatPlatform = 'telegram' | 'slack' | 'feishu';

/** Platform-neutral rich text: each adapter renders it (Telegram HTML, Slack mrkdwn/Block Kit, Feishu card/post). */
export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'bold'; text: string }
  | { kind: 'italic'; text: string }
  | { kind: 'code'; text: string }
  | { kind: 'link'; text: string; url: string };

export interface ChatMessage {
  /** Paragraphs; each is a run of inline pieces. */
  blocks: Inline[][];
}

/** One picked paper of the digest. */
export interface DigestItem {
  paperId: string;
  title: string;
  tldr: string;
  tags: readonly string[];
  score: number;
  reason: 'top' | 'explore';
  /** Why it was picked, in a few words ("top score", "the classifier is unsure"). */
  reasonText: string;
  links: { abs: string; pdf: string; code?: string; notion?: string };
}

export interface Alert {
  kind: string;
  component: string;
  errorType: string;
  message: string;
  at: string;
  /** How many alerts of this kind were suppressed since the last one sent. */
  suppressed: number;
}

/** What a send produced: the ids needed to map a later reaction back to its paper. */
export interface SentMessage {
  platform: ChatPlatform;
  chatId: string;
  messageId: string;
}

interface EventBase {
  platform: ChatPlatform;
  chatId: string;
  userId: string;
  /** When the radar received the event, on its own clock: every label source orders on one clock. */
  at: string;
}

export type ChatEvent =
  | (EventBase & {
      kind: 'command';
      /** Without the slash, lowercase: `search`. */
      command: string;
      args: string;
      reply(message: ChatMessage): Promise<void>;
    })
  | (EventBase & {
      kind: 'reaction';
      messageId: string;
      emoji: string;
      added: boolean;
      /** The user's whole reaction set on the message after this change, where the platform sends it. */
      reactions?: readonly string[];
    })
  /** The inline 👍/👎 fallback buttons (Telegram callback queries, Slack/Feishu card actions). */
  | (EventBase & {
      kind: 'button';
      messageId: string;
      paperId: string;
      value: 1 | -1;
      acknowledge(text: string): Promise<void>;
    });

export type ChatEventHandler = (event: ChatEvent) => Promise<void>;

/** How receiving goes: an adapter that lost its connection restarts it and says so. */
export type ReceiveState =
  | { state: 'receiving'; restarts: number }
  | { state: 'restarting'; restarts: number; error: string; retryInMs: number };

export type ReceiveObserver = (state: ReceiveState) => void;

export interface ChatAdapter {
  readonly platform: ChatPlatform;
  /**
   * True when only one process may receive for this account at a time (Telegram long polling:
   * a second getUpdates ends the first with 409); the runner then claims the state's poller record.
   */
  readonly exclusiveReceiver?: boolean;
  /** Starts receiving events (long polling / socket mode / long connection, or a webhook server). */
  start(handler: ChatEventHandler, observer?: ReceiveObserver): Promise<void>;
  stop(): Promise<void>;
  /** Sends one paper as its own message (with 👍/👎 buttons where the platform has them). */
  sendDigestItem(chatId: string, item: DigestItem): Promise<SentMessage>;
  /** Sends text, split into several messages when it exceeds the platform's limit. */
  sendMessage(chatId: string, message: ChatMessage): Promise<SentMessage[]>;
  sendAlert(chatId: string, alert: Alert): Promise<SentMessage[]>;
}
