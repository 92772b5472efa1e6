/**
 * What happens to one chat event: the allowlist first, then commands go to the router and
 * reactions/buttons become labels. Events run one at a time (a queue) so two label changes never
 * race on labels.csv and a removal never overtakes the reaction it removes.
 */
import type { Logger } from '../log/logger.ts';
import { type Authorizer, REFUSAL_TEXT } from './authorization.ts';
import type { ChatEvent, ChatEventHandler } from './chat-adapter.ts';
import type { CommandRouter } from './commands.ts';
import type { LabelRecorder } from './label-events.ts';
import { plainMessage } from './message-format.ts';
import { redactSecrets } from './redact.ts';

export interface EventHandlerDeps {
  authorizer: Authorizer;
  router: CommandRouter;
  recorder: LabelRecorder;
  logger: Pick<Logger, 'info' | 'error'>;
  secrets: readonly string[];
}

async function refuse(event: ChatEvent, first: boolean): Promise<void> {
  if (event.kind === 'command' && first) await event.reply(plainMessage(REFUSAL_TEXT));
  // A pressed button must always be answered, or the user's client keeps spinning.
  if (event.kind === 'button') await event.acknowledge(first ? REFUSAL_TEXT : '');
}

async function handleEvent(deps: EventHandlerDeps, event: ChatEvent): Promise<void> {
  const { platform, chatId, userId } = event;
  const verdict = deps.authorizer.check({ platform, chatId, userId, kind: event.kind });
  if (verdict !== 'allow') return refuse(event, verdict === 'refuse');
  if (event.kind === 'command') {
    const request = { platform, chatId, userId, args: event.args, at: event.at };
    await event.reply(await deps.router.handle(event.command, request));
  } else if (event.kind === 'reaction') {
    const outcome = await deps.recorder.reaction(event);
    deps.logger.info({ platform, outcome: outcome.kind }, 'reaction');
  } else {
    try {
      await deps.recorder.direct(event);
    } catch (error) {
      await event.acknowledge('Could not save the label; try again later.');
      throw error;
    }
    await event.acknowledge(event.value === 1 ? 'Labelled 👍' : 'Labelled 👎');
  }
}

export function createEventQueue(deps: EventHandlerDeps): {
  handler: ChatEventHandler;
  idle(): Promise<void>;
} {
  let queue: Promise<void> = Promise.resolve();
  return {
    handler(event) {
      const next = queue
        .then(() => handleEvent(deps, event))
        .catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          deps.logger.error(
            { kind: event.kind, error: redactSecrets(message, deps.secrets) },
            'chat event failed',
          );
        });
      queue = next;
      return next;
    },
    idle: () => queue,
  };
}
