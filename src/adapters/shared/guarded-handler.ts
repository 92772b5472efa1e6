/**
 * Wraps the app's chat event handler for an SDK's event loop: a handler that throws is logged,
 * never rethrown into the SDK, so one bad event cannot stop the connection.
 */
import type { ChatEvent, ChatEventHandler } from '../../chat/chat-adapter.ts';
import { errorMessage } from '../../core/errors.ts';
import type { Logger } from '../../log/logger.ts';

export function guardedHandler(
  handler: ChatEventHandler,
  logger: Pick<Logger, 'error'>,
  platform: string,
): (event: ChatEvent) => Promise<void> {
  return async (event) => {
    try {
      await handler(event);
    } catch (error) {
      logger.error({ error: errorMessage(error), kind: event.kind }, `${platform} event handler failed`);
    }
  };
}
