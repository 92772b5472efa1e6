/** `radar notify test`: sends a test message to each configured chat; exit 1 if any failed. */

import { chatTargets } from '../../chat/bot-runner.ts';
import { buildChatAdapters, secretValues } from '../../chat/build-adapters.ts';
import { plainMessage } from '../../chat/message-format.ts';
import { redactSecrets } from '../../chat/redact.ts';
import { systemClock } from '../../core/clock.ts';
import { errorMessage } from '../../core/errors.ts';
import type { CommandContext } from '../context.ts';

export async function runNotifyTest(ctx: CommandContext, out: (line: string) => void): Promise<number> {
  const config = ctx.loaded.config;
  const adapters = await buildChatAdapters({ config, env: ctx.env, logger: ctx.logger, clock: systemClock });
  const targets = chatTargets(config, adapters);
  if (targets.length === 0) {
    out('No chat is configured: set a bot token and chat ids (see `radar doctor`).');
    return 1;
  }
  let failed = 0;
  const message = plainMessage(`Research radar test message, ${systemClock.now().toISOString()}.`);
  for (const target of targets) {
    const adapter = adapters.find((a) => a.platform === target.platform);
    try {
      await adapter?.sendMessage(target.chatId, message);
      out(`ok      ${target.platform} ${target.chatId}`);
    } catch (error) {
      failed += 1;
      out(
        `failed  ${target.platform} ${target.chatId}: ${redactSecrets(errorMessage(error), secretValues(ctx.env))}`,
      );
    }
  }
  return failed > 0 ? 1 : 0;
}
