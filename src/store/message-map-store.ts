/**
 * `chat/messages.jsonl`: which chat message carries which paper, so that a reaction maps back to
 * its paper. Append-only and small; appended without the state lock (each append is one short
 * fsynced write) so that a running bot and `radar run` can both record sends.
 */
import { z } from 'zod';
import { appendJsonl, readJsonl } from './jsonl-file.ts';
import { statePaths } from './paths.ts';
import { PaperId } from './schemas.ts';

export const MessageMapRecord = z.object({
  platform: z.enum(['telegram', 'slack', 'feishu']),
  chatId: z.string().min(1),
  messageId: z.string().min(1),
  paperId: PaperId,
  at: z.iso.datetime({ offset: true }),
});
export type MessageMapRecord = z.infer<typeof MessageMapRecord>;

export interface MessageMapStore {
  append(records: readonly MessageMapRecord[]): Promise<void>;
  /** The paper a message carries; the latest record wins if a message id was reused. */
  find(platform: string, chatId: string, messageId: string): Promise<string | undefined>;
  /** Papers already sent to a chat. */
  sentTo(platform: string, chatId: string): Promise<Set<string>>;
}

export function createMessageMapStore(stateDir: string, onTorn?: (file: string) => void): MessageMapStore {
  const file = statePaths(stateDir).chatMessages;
  const readAll = (): Promise<MessageMapRecord[]> => readJsonl(file, MessageMapRecord, onTorn);
  return {
    async append(records) {
      await appendJsonl(
        file,
        records.map((r) => MessageMapRecord.parse(r)),
      );
    },
    async find(platform, chatId, messageId) {
      const rows = await readAll();
      return rows.findLast((r) => r.platform === platform && r.chatId === chatId && r.messageId === messageId)
        ?.paperId;
    },
    async sentTo(platform, chatId) {
      const rows = await readAll();
      return new Set(
        rows.filter((r) => r.platform === platform && r.chatId === chatId).map((r) => r.paperId),
      );
    },
  };
}
