/**
 * `radar bot`: runs the configured chat bots in the foreground until SIGINT/SIGTERM. It does not
 * hold the state lock, so it can run beside `radar run` / the daemon: it reads the state, appends
 * the message map, and takes the lock only around each label write (queuing the change when
 * another radar process holds it). Telegram long polling is the exception: one poller per state
 * (a second getUpdates ends the first with 409), so beside a daemon that polls it is refused.
 */

import { createBotRunner } from '../../chat/bot-runner.ts';
import { buildChatAdapters, secretValues } from '../../chat/build-adapters.ts';
import { createLockedLabelSink } from '../../chat/locked-label-sink.ts';
import { systemClock } from '../../core/clock.ts';
import type { CommandContext } from '../context.ts';
import { untilSignal } from '../until-signal.ts';

export async function runBot(
  ctx: CommandContext,
  out: (line: string) => void,
  until: () => Promise<string> = untilSignal,
): Promise<number> {
  const config = ctx.loaded.config;
  const adapters = await buildChatAdapters({ config, env: ctx.env, logger: ctx.logger, clock: systemClock });
  if (adapters.length === 0) {
    out('No chat bot is configured: set TELEGRAM_BOT_TOKEN (see `radar doctor`).');
    return 1;
  }
  const labels = createLockedLabelSink({ stores: ctx.stores, stateDir: ctx.stateDir, logger: ctx.logger });
  await labels.drain();
  const runner = createBotRunner({
    config,
    stores: ctx.stores,
    stateDir: ctx.stateDir,
    adapters,
    labels,
    clock: systemClock,
    logger: ctx.logger,
    secrets: secretValues(ctx.env),
  });
  await runner.start();
  const names = adapters.map((a) => a.platform).join(', ');
  out(`radar bot: ${names} running (Ctrl-C to stop)`);
  if (runner.targets.length === 0) out('warning: no chat ids on the allowlist; the bot answers no one');
  const signal = await until();
  out(`radar bot: ${signal}, stopping`);
  await runner.stop();
  await labels.drain();
  return 0;
}
