/**
 * The global tag vocabulary (pure): canonical tags with their aliases, and the rules that map a
 * new tag onto an existing one without embeddings — the normalized key (case, plural, hyphens,
 * punctuation) and acronym ↔ expansion by initials, used only when it is unambiguous.
 */
import {
  acronymKnown,
  acronymOf,
  cleanTag,
  initialsOf,
  normalizeTag,
  parentheticalAcronym,
} from './normalize.ts';

export interface TagEntry {
  name: string;
  aliases: string[];
}

export type MatchKind = 'exact' | 'normalized' | 'acronym';

export interface TagMatch {
  name: string;
  via: MatchKind;
}

export interface Vocabulary {
  lookup(tag: string): TagMatch | undefined;
  /** An entry `tag` may abbreviate or expand by initials, outside the settled acronyms: for the LLM to decide. */
  acronymCandidate(tag: string): string | undefined;
  /** The canonical tag for `tag`: an existing one by the rules, else `tag` itself added as new. */
  add(tag: string): string;
  /** Records `alias` as another spelling of `canonical` (which must exist). */
  addAlias(canonical: string, alias: string): void;
  /** Folds `from` (and its aliases) into `into`; returns false when either is unknown. */
  merge(from: string, into: string): boolean;
  /** Renames a tag (the old name stays as an alias); merges when `to` already exists. */
  rename(from: string, to: string): boolean;
  has(name: string): boolean;
  names(): string[];
  entries(): TagEntry[];
}

function isAcronym(text: string): boolean {
  return acronymOf(text) !== undefined && !text.trim().includes(' ');
}

export function createVocabulary(initial: readonly TagEntry[] = []): Vocabulary {
  const entries = new Map<string, TagEntry>();
  const byKey = new Map<string, string>();

  const index = (name: string, spelling: string): void => {
    const key = normalizeTag(spelling);
    if (key !== '' && !byKey.has(key)) byKey.set(key, name);
  };
  const reindex = (): void => {
    byKey.clear();
    for (const entry of entries.values()) {
      index(entry.name, entry.name);
      for (const alias of entry.aliases) index(entry.name, alias);
    }
  };
  const spellings = (entry: TagEntry): string[] => [entry.name, ...entry.aliases];
  const hasExpansion = (entry: TagEntry): boolean => spellings(entry).some((s) => initialsOf(s).length > 0);

  /** Entries whose spellings abbreviate to `acronym` (multi-word) — or are that acronym. */
  const byAcronym = (acronym: string, known: boolean): string[] =>
    [...entries.values()]
      .filter((e) =>
        spellings(e).some(
          (s) => initialsOf(s).includes(acronym) && acronymKnown(acronym, normalizeTag(s)) === known,
        ),
      )
      .map((e) => e.name);

  /** The one entry `tag` abbreviates or expands by initials, settled (`known`) or only a candidate. */
  const byInitials = (tag: string, known: boolean): string | undefined => {
    const acronym = acronymOf(tag);
    if (acronym !== undefined) {
      const found = byAcronym(acronym, known);
      return found.length === 1 ? found[0] : undefined;
    }
    const found = new Set<string>();
    for (const initials of initialsOf(tag)) {
      if (acronymKnown(initials, normalizeTag(tag)) !== known) continue;
      const name = byKey.get(initials);
      const entry = name === undefined ? undefined : entries.get(name);
      if (entry && spellings(entry).some(isAcronym) && !hasExpansion(entry)) found.add(entry.name);
    }
    return found.size === 1 ? [...found][0] : undefined;
  };

  const acronymMatch = (tag: string): string | undefined => {
    const paren = parentheticalAcronym(tag);
    if (paren !== undefined && byKey.has(paren)) return byKey.get(paren);
    return byInitials(tag, true);
  };

  const lookup = (tag: string): TagMatch | undefined => {
    if (entries.has(tag)) return { name: tag, via: 'exact' };
    const byNormal = byKey.get(normalizeTag(tag));
    if (byNormal !== undefined) return { name: byNormal, via: 'normalized' };
    const byInitials = acronymMatch(tag);
    return byInitials === undefined ? undefined : { name: byInitials, via: 'acronym' };
  };

  const addAlias = (canonical: string, alias: string): void => {
    const entry = entries.get(canonical);
    const clean = cleanTag(alias);
    if (!entry || clean === entry.name || entry.aliases.includes(clean)) return;
    entry.aliases.push(clean);
    entry.aliases.sort();
    index(canonical, clean);
  };

  for (const entry of initial) {
    const name = cleanTag(entry.name);
    const existing = lookup(name);
    if (existing) for (const s of [name, ...entry.aliases]) addAlias(existing.name, s);
    else {
      entries.set(name, { name, aliases: [] });
      index(name, name);
      for (const alias of entry.aliases) addAlias(name, alias);
    }
  }

  const merge = (from: string, into: string): boolean => {
    const source = entries.get(from);
    const target = entries.get(into);
    if (!source || !target || from === into) return false;
    entries.delete(from);
    for (const s of spellings(source)) addAlias(into, s);
    reindex();
    return true;
  };

  return {
    lookup,
    acronymCandidate: (tag) => (lookup(tag) ? undefined : byInitials(tag, false)),
    add(tag) {
      const found = lookup(tag);
      if (found) {
        if (found.via !== 'exact') addAlias(found.name, tag);
        return found.name;
      }
      const name = cleanTag(tag);
      entries.set(name, { name, aliases: [] });
      index(name, name);
      const acronym = /\(([A-Za-z0-9]{2,6}s?)\)\s*$/.exec(tag)?.[1];
      if (acronym !== undefined) addAlias(name, acronym);
      return name;
    },
    addAlias,
    merge,
    rename(from, to) {
      const source = entries.get(from);
      const name = cleanTag(to);
      if (!source || name === '') return false;
      if (entries.has(name)) return merge(from, name);
      entries.delete(from);
      entries.set(name, {
        name,
        aliases: [...new Set([...source.aliases, from])].filter((a) => a !== name).sort(),
      });
      reindex();
      return true;
    },
    has: (name) => entries.has(name),
    names: () => [...entries.keys()].sort(),
    entries: () =>
      [...entries.values()]
        .map((e) => ({ name: e.name, aliases: [...e.aliases] }))
        .sort((a, b) => a.name.localeCompare(b.name)),
  };
}
