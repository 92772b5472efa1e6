/** Bank cases from judged collections: BEIR (queries + qrels) and TREC qrels with a topics map. */
import type { BankCase } from './bank-schema.ts';
import { BankCase as BankCaseSchema } from './bank-schema.ts';

export interface JudgedQuery {
  id: string;
  text: string;
}

/** One case per judged query; grade > 0 → expected, the grades kept as graded relevance. */
export function casesFromQrels(
  queries: readonly JudgedQuery[],
  qrels: ReadonlyMap<string, ReadonlyMap<string, number>>,
  source: string,
): BankCase[] {
  const cases: BankCase[] = [];
  for (const query of queries) {
    const judged = qrels.get(query.id);
    if (judged === undefined) continue;
    const expected = [...judged]
      .filter(([, g]) => g > 0)
      .map(([id]) => id)
      .sort();
    cases.push(
      BankCaseSchema.parse({
        id: query.id,
        question: query.text,
        expected_document_ids: expected,
        graded_relevance: Object.fromEntries([...judged].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
        min_required_matches: expected.length > 0 ? 1 : 0,
        source,
        category: source,
      }),
    );
  }
  return cases.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Qrels of a bank (to export as a TREC qrels file). */
export function bankQrels(cases: readonly BankCase[]): Map<string, Map<string, number>> {
  const byQuery = new Map<string, Map<string, number>>();
  for (const c of cases) {
    const judged = new Map<string, number>();
    for (const id of c.acceptable_document_ids) judged.set(id, 0);
    for (const id of c.expected_document_ids) judged.set(id, 1);
    for (const [id, g] of Object.entries(c.graded_relevance ?? {})) judged.set(id, g);
    byQuery.set(c.id, judged);
  }
  return byQuery;
}
