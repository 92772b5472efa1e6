/** Posting through the Web API: one Block Kit payload per call, long messages as several posts. */
import type { App } from '@slack/bolt';
import type { ChatMessage, SentMessage } from '../../chat/chat-adapter.ts';
import { renderMessage, type SlackPayload } from './render-blocks.ts';
import { SlackApiError, toSlackError } from './slack-errors.ts';

export interface SlackSender {
  post(operation: string, channel: string, payload: SlackPayload, threadTs?: string): Promise<SentMessage>;
  postAll(
    operation: string,
    channel: string,
    message: ChatMessage,
    threadTs?: string,
  ): Promise<SentMessage[]>;
  ephemeral(channel: string, user: string, text: string): Promise<void>;
}

export function createSlackSender(client: App['client']): SlackSender {
  const post: SlackSender['post'] = async (operation, channel, payload, threadTs) => {
    try {
      const result = await client.chat.postMessage({
        channel,
        text: payload.text,
        blocks: payload.blocks,
        unfurl_links: false,
        unfurl_media: false,
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      });
      if (!result.ts) throw new SlackApiError(operation, 'chat.postMessage answered without a ts');
      return { platform: 'slack', chatId: result.channel ?? channel, messageId: result.ts };
    } catch (error) {
      throw toSlackError(operation, error);
    }
  };
  return {
    post,
    async postAll(operation, channel, message, threadTs) {
      const sent: SentMessage[] = [];
      for (const payload of renderMessage(message))
        sent.push(await post(operation, channel, payload, threadTs));
      return sent;
    },
    async ephemeral(channel, user, text) {
      try {
        await client.chat.postEphemeral({ channel, user, text });
      } catch (error) {
        throw toSlackError('acknowledge', error);
      }
    },
  };
}
