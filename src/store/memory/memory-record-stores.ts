/**
 * In-memory twins of the picks, summaries, links, tags, ledger and cursors stores (the files of
 * the same names in src/store/): the same sharding, ordering, upsert keys and validation.
 */
import { compareIds } from '../../core/arxiv-id.ts';
import { StoredSummary } from '../../core/summary.ts';
import type { KvStore } from '../kv-store.ts';
import { type LedgerStore, ledgerMonth } from '../ledger-store.ts';
import { compareLinks, type LinksStore } from '../links-store.ts';
import { groupByShard } from '../papers-store.ts';
import { PickRecord, type PicksStore, picksShardOf, RankedRecord } from '../picks-store.ts';
import { KeyValues, LedgerEntry, PaperLink, TagVocabulary } from '../schemas.ts';
import type { SummariesStore } from '../summaries-store.ts';
import type { TagsStore } from '../tags-store.ts';
import { createJsonCell, createJsonRows, createRowsByKey } from './json-cell.ts';

export function createMemoryPicksStore(): PicksStore {
  const shards = createRowsByKey((yymm) => `picks/${yymm}.jsonl`, PickRecord);
  const ranked = createJsonRows('picks/ranked.jsonl', RankedRecord);
  return {
    readAll: async () => shards.keys().flatMap((key) => shards.get(key).read()),
    async latestDate() {
      for (const key of shards.keys().reverse()) {
        const latest = shards
          .get(key)
          .read()
          .reduce((max, r) => (r.date > max ? r.date : max), '');
        if (latest !== '') return latest;
      }
      return undefined;
    },
    readRanked: async () => new Set(ranked.read().flatMap((r) => r.ids)),
    appendRanked: async (record) => ranked.append([RankedRecord.parse(record)]),
    forDate: async (date) =>
      shards
        .get(picksShardOf(date))
        .read()
        .filter((r) => r.date === date),
    async append(records) {
      const groups = new Map<string, PickRecord[]>();
      for (const record of records) {
        const parsed = PickRecord.parse(record);
        const shard = picksShardOf(parsed.date);
        groups.set(shard, [...(groups.get(shard) ?? []), parsed]);
      }
      for (const [shard, rows] of groups) shards.get(shard).append(rows);
    },
  };
}

export function createMemorySummariesStore(): SummariesStore {
  const shards = createRowsByKey((yymm) => `summaries/${yymm}.jsonl`, StoredSummary);
  const readAll = (): StoredSummary[] => shards.keys().flatMap((key) => shards.get(key).read());
  return {
    readAll: async () => readAll(),
    async get(ids) {
      const wanted = new Set(ids);
      const rows = [...groupByShard(ids.map((id) => ({ id }))).keys()].flatMap((key) =>
        shards.get(key).read(),
      );
      return new Map(rows.filter((s) => wanted.has(s.id)).map((s) => [s.id, s]));
    },
    async upsert(summaries) {
      for (const [yymm, group] of groupByShard(summaries)) {
        const file = shards.get(yymm);
        const rows = new Map(file.read().map((s) => [s.id, s]));
        for (const summary of group) rows.set(summary.id, summary);
        file.write([...rows.values()].sort((a, b) => compareIds(a.id, b.id)));
      }
    },
  };
}

export function createMemoryLinksStore(): LinksStore {
  const file = createJsonRows('links.jsonl', PaperLink);
  const keyOf = (link: PaperLink): string => `${link.from} ${link.to}`;
  return {
    readAll: async () => file.read(),
    async upsert(links) {
      if (links.length === 0) return;
      const rows = new Map(file.read().map((l) => [keyOf(l), l]));
      for (const link of links) rows.set(keyOf(link), PaperLink.parse(link));
      file.write([...rows.values()].sort(compareLinks));
    },
  };
}

export function createMemoryTagsStore(): TagsStore {
  const file = createJsonCell('tags.json', TagVocabulary);
  return {
    read: async () => file.read()?.tags.map((t) => ({ name: t.name, aliases: [...t.aliases] })) ?? [],
    async write(entries) {
      const tags = [...entries]
        .map((e) => ({ name: e.name, aliases: [...e.aliases].sort() }))
        .sort((a, b) => a.name.localeCompare(b.name));
      file.write(TagVocabulary.parse({ tags }));
    },
  };
}

export function createMemoryLedgerStore(): LedgerStore {
  const months = createRowsByKey((month) => `ledger/${month}.jsonl`, LedgerEntry);
  return {
    async append(entries) {
      const byMonth = new Map<string, LedgerEntry[]>();
      for (const entry of entries) {
        const valid = LedgerEntry.parse(entry);
        const month = ledgerMonth(new Date(valid.at).toISOString());
        byMonth.set(month, [...(byMonth.get(month) ?? []), valid]);
      }
      for (const [month, rows] of byMonth) months.get(month).append(rows);
    },
    readMonths: async (wanted) => [...new Set(wanted)].sort().flatMap((m) => months.get(m).read()),
    months: async () => months.keys(),
  };
}

export function createMemoryKvStore(): KvStore {
  const file = createJsonCell('cursors.json', KeyValues);
  const all = (): KeyValues => file.read() ?? {};
  return {
    all: async () => all(),
    get: async (key) => all()[key],
    async set(values) {
      file.write(
        Object.fromEntries(Object.entries({ ...all(), ...values }).sort(([a], [b]) => a.localeCompare(b))),
      );
    },
  };
}
