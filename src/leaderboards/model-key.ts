/**
 * Joining models across boards by a canonical key, `provider/model@snapshot#variant`, with
 * normalized exact matching only: a name matches when, after normalization, it equals an alias,
 * a known `provider/model` key, or — unambiguously — the model part of exactly one known key.
 * There is no fuzzy matching: a name that matches nothing keeps its own key and is listed as
 * unmatched for its source, so the user can add an alias rather than live with a silent guess.
 */

/** Lower case, NFKC, blanks and underscores as '-', a `:variant` suffix as `#variant`. */
export function normalizeModelName(name: string): string {
  return name
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/:([a-z0-9.-]+)$/, '#$1')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/** The key without its `#variant`. */
export function baseKey(key: string): string {
  const hash = key.indexOf('#');
  return hash < 0 ? key : key.slice(0, hash);
}

export function variantOf(key: string): string | null {
  const hash = key.indexOf('#');
  return hash < 0 ? null : key.slice(hash + 1);
}

/** The part after the provider: `openai/gpt-4o` → `gpt-4o`. */
function modelPart(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1);
}

export interface ModelMatcher {
  /** The canonical key of a row's names, and whether it matched (false: its own name's key). */
  resolve(names: readonly string[]): { key: string; matched: boolean };
}

/**
 * `aliases` map normalized names to canonical keys (the editable table in the state);
 * `known` are the `provider/model` keys the boards name (OpenRouter ids, Hugging Face ids).
 */
export function createModelMatcher(
  aliases: Readonly<Record<string, string>>,
  known: Iterable<string>,
): ModelMatcher {
  const alias = new Map(
    Object.entries(aliases).map(([k, v]) => [normalizeModelName(k), normalizeModelName(v)]),
  );
  const keys = new Set<string>();
  for (const k of known) {
    const n = normalizeModelName(k);
    if (n.includes('/')) keys.add(n);
  }
  for (const v of alias.values()) keys.add(v);
  const byPart = new Map<string, Set<string>>();
  for (const key of keys) {
    const base = baseKey(key);
    const part = modelPart(base);
    const set = byPart.get(part) ?? new Set<string>();
    set.add(base);
    byPart.set(part, set);
  }
  const lookup = (n: string): string | undefined => {
    const aliased = alias.get(n);
    if (aliased) return aliased;
    if (keys.has(n)) return n;
    const candidates = byPart.get(modelPart(n));
    return candidates?.size === 1 ? [...candidates][0] : undefined;
  };
  return {
    resolve(names) {
      const normalized = names.map(normalizeModelName).filter((n) => n.length > 0);
      for (const n of normalized) {
        const key = lookup(n);
        if (key) return { key, matched: true };
      }
      const own = normalized.find((n) => n.includes('/')) ?? normalized[0] ?? '';
      return { key: own, matched: false };
    },
  };
}
