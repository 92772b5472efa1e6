/**
 * A keyword match over titles, abstracts and TL;DRs (pure): a title hit counts 3, a TL;DR hit 2,
 * an abstract hit 1, per query term. The chat's `/search` uses it until hybrid search lands.
 */
export interface SearchDoc {
  id: string;
  title: string;
  abstract: string;
  tldr?: string | undefined;
}

export interface SearchHit {
  id: string;
  score: number;
}

export function queryTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((t) => t.length >= 2),
    ),
  ];
}

export function keywordSearch(docs: readonly SearchDoc[], query: string, k: number): SearchHit[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const doc of docs) {
    const title = doc.title.toLowerCase();
    const tldr = doc.tldr?.toLowerCase() ?? '';
    const abstract = doc.abstract.toLowerCase();
    let score = 0;
    for (const term of terms) {
      if (title.includes(term)) score += 3;
      if (tldr.includes(term)) score += 2;
      if (abstract.includes(term)) score += 1;
    }
    if (score > 0) hits.push({ id: doc.id, score });
  }
  return hits.sort((a, b) => b.score - a.score || b.id.localeCompare(a.id)).slice(0, k);
}
