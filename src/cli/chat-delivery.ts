/**
 * The configured chats for a command: the adapters and targets, source-health alerts through the
 * storm-suppressing alerter, change messages to every target, and a close. The chat SDKs are
 * imported here on use, so commands that send nothing never load them.
 */
import { systemClock } from '../core/clock.ts';
import { errorMessage } from '../core/errors.ts';
import type { CommandContext } from './context.ts';

export async function chatDelivery(ctx: CommandContext) {
  const { buildChatAdapters, secretValues } = await import('../chat/build-adapters.ts');
  const { chatTargets } = await import('../chat/bot-runner.ts');
  const { createAlerter } = await import('../chat/alerts.ts');
  const { plainMessage } = await import('../chat/message-format.ts');
  const config = ctx.loaded.config;
  const adapters = await buildChatAdapters({ config, env: ctx.env, logger: ctx.logger, clock: systemClock });
  const targets = chatTargets(config, adapters);
  const alerter = createAlerter({
    adapters,
    targets,
    clock: systemClock,
    windowMs: config.alerts.windowMinutes * 60_000,
    logger: ctx.logger,
    secrets: secretValues(ctx.env),
  });
  const alert = (kind: string, component: string, error: unknown) => {
    ctx.logger.warn({ kind, component, error: errorMessage(error) }, 'alert');
    return targets.length > 0 ? alerter.alert({ kind, component, error }) : undefined;
  };
  /** Every target gets the messages as one; a refusal throws, so the caller can keep them for later. */
  const notify = async (messages: readonly string[]): Promise<number> => {
    let sent = 0;
    for (const target of targets) {
      const adapter = adapters.find((a) => a.platform === target.platform);
      sent += (await adapter?.sendMessage(target.chatId, plainMessage(...messages)))?.length ?? 0;
    }
    return sent;
  };
  const close = () => Promise.all(adapters.map((a) => a.stop().catch(() => undefined)));
  return { adapters, targets, alert, notify, close };
}
