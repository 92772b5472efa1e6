/**
 * In-memory twins of the labels (src/store/labels-store.ts), pending label changes
 * (pending-labels-store.ts), chat message map (message-map-store.ts) and Notion map
 * (notion-map-store.ts) stores, with the same merge rules, ordering and validation.
 */
import { applyLabelChanges, type LabelsStore, sortedLabels } from '../labels-store.ts';
import { MessageMapRecord, type MessageMapStore } from '../message-map-store.ts';
import { emptyNotionMap, type NotionMapStore, sortedNotionMap } from '../notion-map-store.ts';
import { PendingLabelChange, type PendingLabelsStore } from '../pending-labels-store.ts';
import { Label, NotionMap } from '../schemas.ts';
import { createJsonCell, createJsonRows } from './json-cell.ts';

export function createMemoryLabelsStore(): LabelsStore {
  const file = createJsonRows('labels.csv', Label);
  return {
    readAll: async () => file.read(),
    async apply(changes) {
      const rows = new Map(file.read().map((l) => [l.id, l]));
      const changed = applyLabelChanges(rows, changes, (label) => Label.parse(label));
      if (changed > 0) file.write(sortedLabels(rows));
      return changed;
    },
  };
}

export function createMemoryPendingLabelsStore(): PendingLabelsStore {
  const file = createJsonRows('chat/pending-labels.jsonl', PendingLabelChange);
  return {
    append: async (changes) => file.append(changes.map((c) => PendingLabelChange.parse(c))),
    readAll: async () => file.read(),
    clear: async () => file.write([]),
  };
}

export function createMemoryMessageMapStore(): MessageMapStore {
  const file = createJsonRows('chat/messages.jsonl', MessageMapRecord);
  return {
    append: async (records) => file.append(records.map((r) => MessageMapRecord.parse(r))),
    async find(platform, chatId, messageId) {
      return file
        .read()
        .findLast((r) => r.platform === platform && r.chatId === chatId && r.messageId === messageId)
        ?.paperId;
    },
    async sentTo(platform, chatId) {
      return new Set(
        file
          .read()
          .filter((r) => r.platform === platform && r.chatId === chatId)
          .map((r) => r.paperId),
      );
    },
  };
}

export function createMemoryNotionMapStore(): NotionMapStore {
  const file = createJsonCell('notion.json', NotionMap);
  return {
    load: async () => file.read() ?? emptyNotionMap(),
    save: async (map) => file.write(sortedNotionMap(map)),
  };
}
