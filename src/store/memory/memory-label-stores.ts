/**
 * In-memory twins of the labels (src/store/labels-store.ts), pending label changes
 * (pending-labels-store.ts), chat message map (message-map-store.ts) and Notion map
 * (notion-map-store.ts) stores, with the same merge rules, ordering and validation.
 */
import { compareIds } from '../../core/arxiv-id.ts';
import type { LabelChange, LabelsStore } from '../labels-store.ts';
import { MessageMapRecord, type MessageMapStore } from '../message-map-store.ts';
import { emptyNotionMap, type NotionMapStore } from '../notion-map-store.ts';
import { PendingLabelChange, type PendingLabelsStore } from '../pending-labels-store.ts';
import { Label, NotionMap } from '../schemas.ts';
import { createJsonCell, createJsonRows } from './json-cell.ts';

const atOf = (change: LabelChange): string => (change.kind === 'set' ? change.label.at : change.at);

const sameLabel = (a: Label, b: Label): boolean =>
  a.label === b.label && a.source === b.source && a.user === b.user;

export function createMemoryLabelsStore(): LabelsStore {
  const file = createJsonRows('labels.csv', Label);
  return {
    readAll: async () => file.read(),
    async apply(changes) {
      const rows = new Map(file.read().map((l) => [l.id, l]));
      let changed = 0;
      const ordered = [...changes].sort((a, b) => Date.parse(atOf(a)) - Date.parse(atOf(b)));
      for (const change of ordered) {
        const id = change.kind === 'set' ? change.label.id : change.id;
        const current = rows.get(id);
        if (current && Date.parse(current.at) > Date.parse(atOf(change))) continue;
        if (change.kind === 'set') {
          if (current && sameLabel(current, change.label)) continue;
          rows.set(id, Label.parse(change.label));
          changed += 1;
        } else if (current) {
          rows.delete(id);
          changed += 1;
        }
      }
      if (changed > 0) file.write([...rows.values()].sort((a, b) => compareIds(a.id, b.id)));
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

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}

function sortedNested<T>(record: Record<string, Record<string, T>>): Record<string, Record<string, T>> {
  const out: Record<string, Record<string, T>> = {};
  for (const [name, inner] of Object.entries(record).sort(([a], [b]) => a.localeCompare(b))) {
    if (Object.keys(inner).length > 0) out[name] = sortedRecord(inner);
  }
  return out;
}

export function createMemoryNotionMapStore(): NotionMapStore {
  const file = createJsonCell('notion.json', NotionMap);
  return {
    load: async () => file.read() ?? emptyNotionMap(),
    async save(map) {
      file.write({
        databases: sortedRecord(map.databases),
        pages: sortedNested(map.pages),
        pending: sortedNested(map.pending),
        failed: sortedNested(map.failed),
        written: sortedNested(map.written),
      });
    },
  };
}
