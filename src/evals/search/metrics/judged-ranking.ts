/**
 * A query's ranking turned into relevance grades by rank, as trec_eval's form_res_rels does:
 * sort by score descending, ties by docno in descending byte order (the rank column is never
 * read), cut at the cutoff (-M), then look every document up in the judgments.
 */
import type { QueryRanking } from './query-ranking.ts';
import { TrecFormatError } from './trec-errors.ts';

/** Grade of a retrieved document that is not in the qrels at all (trec_eval's RELVALUE_NONPOOL). */
export const NOT_JUDGED = -1;

export interface JudgedRanking {
  /** Grade of the document at rank i + 1 (NOT_JUDGED when not in the qrels). */
  readonly grades: Int32Array;
  /** How many judged documents sit at each grade ≥ 0 (index = grade), retrieved or not. */
  readonly gradeCounts: readonly number[];
}

function sortedOrder(ranking: QueryRanking): Int32Array {
  const n = ranking.size;
  const order = new Int32Array(n);
  let inOrder = true;
  let previous = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i += 1) {
    order[i] = i;
    const score = ranking.score(i);
    if (score >= previous) inOrder = false;
    previous = score;
  }
  // Runs are mostly written best first with distinct scores: then the file order is the answer.
  if (inOrder) return order;
  const docnos = Array.from({ length: n }, (_, i) => ranking.docno(i));
  return order.sort((a, b) => {
    const diff = ranking.score(b) - ranking.score(a);
    if (diff !== 0) return diff;
    const da = docnos[a] ?? '';
    const db = docnos[b] ?? '';
    return da < db ? 1 : da > db ? -1 : 0;
  });
}

function countGrades(judgments: ReadonlyMap<string, number>): number[] {
  const counts: number[] = [];
  for (const grade of judgments.values()) {
    if (grade < 0) continue;
    while (counts.length <= grade) counts.push(0);
    counts[grade] = (counts[grade] ?? 0) + 1;
  }
  return counts;
}

export function judgeRanking(
  qid: string,
  ranking: QueryRanking | undefined,
  judgments: ReadonlyMap<string, number>,
  cutoff: number,
): JudgedRanking {
  const gradeCounts = countGrades(judgments);
  if (ranking === undefined || ranking.size === 0) return { grades: new Int32Array(0), gradeCounts };
  const order = sortedOrder(ranking);
  const n = Math.min(order.length, cutoff);
  const grades = new Int32Array(n);
  const seen = new Set<string>();
  for (let rank = 0; rank < n; rank += 1) {
    const docno = ranking.docno(order[rank] ?? 0);
    if (seen.has(docno)) throw new TrecFormatError('run', 0, `duplicate document ${docno} in query ${qid}`);
    seen.add(docno);
    const grade = judgments.get(docno);
    // A negative qrels grade means "in the pool, unjudged": trec_eval's RELVALUE_UNJUDGED (-2).
    grades[rank] = grade === undefined ? NOT_JUDGED : grade < 0 ? -2 : grade;
  }
  return { grades, gradeCounts };
}
