/**
 * TREC qrels (`qid iter docno rel`, whitespace separated). Text is read as latin1 so every
 * string holds the file's exact bytes: comparing two such strings is strcmp's byte order,
 * which is how trec_eval orders queries and breaks score ties.
 */
import { TrecFormatError } from './trec-errors.ts';

/** query id → docno → relevance grade (negative: in the pool but unjudged, as trec_eval). */
export type QrelsMap = Map<string, Map<string, number>>;

export interface Qrels {
  readonly byQuery: QrelsMap;
  /** Query ids in byte order, the order trec_eval evaluates and prints them. */
  readonly queryIds: readonly string[];
}

const INTEGER = /^[+-]?\d+$/;

export function parseQrels(text: string, source = 'qrels'): Qrels {
  const byQuery: QrelsMap = new Map();
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const fields = (lines[index] ?? '').trim().split(/\s+/);
    if (fields.length === 1 && fields[0] === '') continue;
    const [qid, , docno, rel] = fields;
    if (fields.length < 4 || qid === undefined || docno === undefined || rel === undefined)
      throw new TrecFormatError(
        source,
        index + 1,
        `expected 4 fields "qid iter docno rel", got ${fields.length}`,
      );
    if (!INTEGER.test(rel))
      throw new TrecFormatError(source, index + 1, `relevance "${rel}" is not an integer`);
    let docs = byQuery.get(qid);
    if (docs === undefined) {
      docs = new Map();
      byQuery.set(qid, docs);
    }
    if (docs.has(docno))
      throw new TrecFormatError(source, index + 1, `duplicate judgment of ${docno} for query ${qid}`);
    docs.set(docno, Number(rel));
  }
  return { byQuery, queryIds: [...byQuery.keys()].sort(compareBytes) };
}

/** strcmp order on latin1 strings (each code unit is one byte). */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Qrels from structured judgments (the question bank, BEIR), for scoring without a file. */
export function qrelsFromMap(byQuery: QrelsMap): Qrels {
  return { byQuery, queryIds: [...byQuery.keys()].sort(compareBytes) };
}

export function formatQrels(qrels: Qrels): string {
  const lines: string[] = [];
  for (const qid of qrels.queryIds) {
    const docs = qrels.byQuery.get(qid) ?? new Map<string, number>();
    for (const docno of [...docs.keys()].sort(compareBytes))
      lines.push(`${qid} 0 ${docno} ${docs.get(docno)}`);
  }
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
