/**
 * Wires the configured chat adapters to the shared behaviour (allowlist, commands, labels,
 * digest, alerts) and starts/stops them. The daemon builds one runner and passes it the labels
 * store directly (it holds the state lock); `radar bot` passes the locked label sink. Both pass
 * the stores the commands, the digest and the message map read.
 */

import type { RadarConfig } from '../config/schema.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../log/logger.ts';
import { claimPoller, type PollerClaim } from '../store/poller-record-store.ts';
import type { Stores } from '../store/stores.ts';
import { type Alerter, type AlertTarget, createAlerter } from './alerts.ts';
import { type Allowlist, createAuthorizer } from './authorization.ts';
import type { ChatAdapter, ChatPlatform } from './chat-adapter.ts';
import type { CommandStores } from './commands/command-types.ts';
import { createCommandRouter } from './commands.ts';
import { type DigestStores, loadDigestItems } from './digest-items.ts';
import { type DigestSendResult, type DigestTarget, sendDigest, sendDigestToChat } from './digest-sender.ts';
import { createEventQueue } from './event-handler.ts';
import { createLabelRecorder, type LabelSink } from './label-events.ts';
import { watchReceiving } from './receive-watch.ts';

/** What the bots read and write: the commands' stores, the digest's, and the sent-message map. */
export type BotStores = CommandStores & DigestStores & Pick<Stores, 'messageMap'>;

export interface BotRunnerDeps {
  config: RadarConfig;
  stores: BotStores;
  /** The state directory, for the poller record and the search index files. */
  stateDir: string;
  adapters: readonly ChatAdapter[];
  labels: LabelSink;
  clock: Clock;
  logger: Logger;
  /** Secret values that must never appear in an alert. */
  secrets: readonly string[];
  /** The radar command running the bots (`bot`, `daemon`), named in the poller record. */
  command?: string;
}

export interface BotRunner {
  readonly adapters: readonly ChatAdapter[];
  readonly alerter: Alerter;
  /** The chats that receive the digest and alerts. */
  readonly targets: readonly DigestTarget[];
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Sends a date's picks to every target (skipping papers a chat already got). */
  sendDigest(date: string): Promise<DigestSendResult[]>;
  /** Resolves once every event received so far has been handled. */
  idle(): Promise<void>;
}

export function allowlists(config: RadarConfig): Record<ChatPlatform, Allowlist> {
  const { telegram, slack, feishu } = config.chat;
  return {
    telegram: { chatIds: telegram.chatIds, userIds: telegram.userIds },
    slack: { chatIds: slack.channelIds, userIds: slack.userIds },
    feishu: { chatIds: feishu.chatIds, userIds: feishu.userIds },
  };
}

export function chatTargets(config: RadarConfig, adapters: readonly ChatAdapter[]): AlertTarget[] {
  const lists = allowlists(config);
  return adapters.flatMap((a) =>
    lists[a.platform].chatIds.map((chatId) => ({ platform: a.platform, chatId })),
  );
}

export function createBotRunner(deps: BotRunnerDeps): BotRunner {
  const logger = deps.logger.child({ module: 'chat' });
  const messageMap = deps.stores.messageMap;
  const targets = chatTargets(deps.config, deps.adapters);
  const authorizer = createAuthorizer(allowlists(deps.config), logger);
  const recorder = createLabelRecorder({
    labels: deps.labels,
    messages: messageMap,
    reactions: deps.config.chat.reactions,
  });
  const senderDeps = {
    adapters: deps.adapters,
    messageMap,
    clock: deps.clock,
    logger,
    reactions: deps.config.chat.reactions,
  };
  const router = createCommandRouter(
    {
      stores: deps.stores,
      stateDir: deps.stateDir,
      config: deps.config,
      clock: deps.clock,
      labels: recorder,
      async resendDigest(platform, chatId, date) {
        const items = await loadDigestItems(deps.stores, date, deps.config.embedding.active);
        if (items.length === 0) return 0;
        return (await sendDigestToChat(senderDeps, { platform, chatId }, date, items, { force: true })).sent;
      },
    },
    logger,
  );
  const alerter = createAlerter({
    adapters: deps.adapters,
    targets,
    clock: deps.clock,
    windowMs: deps.config.alerts.windowMinutes * 60_000,
    logger,
    secrets: deps.secrets,
  });

  const events = createEventQueue({ authorizer, router, recorder, logger, secrets: deps.secrets });
  const claims: PollerClaim[] = [];
  const releaseClaims = async (): Promise<void> => {
    for (const claim of claims.splice(0)) await claim.release();
  };

  async function startAdapter(adapter: ChatAdapter): Promise<void> {
    // One poller per state: a second one would end the first one's polling with 409.
    const claim = adapter.exclusiveReceiver
      ? await claimPoller(deps.stateDir, adapter.platform, deps.command ?? 'bot', () => deps.clock.now())
      : undefined;
    if (claim) claims.push(claim);
    const observer = watchReceiving({
      platform: adapter.platform,
      claim,
      alerter,
      clock: deps.clock,
      logger,
    });
    await adapter.start(events.handler, observer);
  }

  return {
    adapters: deps.adapters,
    alerter,
    targets,
    async start() {
      try {
        for (const adapter of deps.adapters) await startAdapter(adapter);
      } catch (error) {
        await releaseClaims();
        throw error;
      }
    },
    async stop() {
      for (const adapter of deps.adapters) await adapter.stop();
      await events.idle();
      await releaseClaims();
    },
    async sendDigest(date) {
      return sendDigest(
        senderDeps,
        targets,
        date,
        await loadDigestItems(deps.stores, date, deps.config.embedding.active),
      );
    },
    idle: () => events.idle(),
  };
}
