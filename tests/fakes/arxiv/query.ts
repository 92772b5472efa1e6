/**
 * The arXiv API's `search_query` language, enough of it for a fake: `field:value` terms
 * (`cat`, `ti`, `abs`, `au`, `co`, `jr`, `id`, `all`, `submittedDate`, `lastUpdatedDate`),
 * quoted phrases, `[YYYYMMDDHHMM TO YYYYMMDDHHMM]` ranges, AND / OR / ANDNOT and parentheses.
 * AND and ANDNOT bind tighter than OR; adjacent terms are ANDed.
 */
import type { FakePaper } from './papers.ts';

export type Predicate = (paper: FakePaper) => boolean;

export class QuerySyntaxError extends Error {}

type Token =
  | { kind: 'open' }
  | { kind: 'close' }
  | { kind: 'op'; op: 'AND' | 'OR' | 'ANDNOT' }
  | { kind: 'term'; text: string };

function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\()|(\))|((?:[A-Za-z]+:)?(?:"[^"]*"|\[[^\]]*\]|[^\s()"[\]]+)))/y;
  let rest = query.trim();
  while (rest.length > 0) {
    pattern.lastIndex = 0;
    const match = pattern.exec(rest);
    if (!match) throw new QuerySyntaxError(`cannot read the query at "${rest.slice(0, 20)}"`);
    rest = rest.slice(match[0].length).trimStart();
    if (match[1]) tokens.push({ kind: 'open' });
    else if (match[2]) tokens.push({ kind: 'close' });
    else {
      const text = match[3] ?? '';
      if (text === 'AND' || text === 'OR' || text === 'ANDNOT') tokens.push({ kind: 'op', op: text });
      else tokens.push({ kind: 'term', text });
    }
  }
  return tokens;
}

/** `202605040000` (8, 12 or 14 digits, UTC like arXiv) → epoch ms at the start or end of that unit. */
function parseStamp(stamp: string, end: boolean): number {
  const match = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/.exec(stamp);
  if (!match) throw new QuerySyntaxError(`bad date "${stamp}"`);
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  const ms = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
  if (new Date(ms).getUTCDate() !== day) throw new QuerySyntaxError(`bad date "${stamp}"`);
  const unit = stamp.length === 8 ? 86_400_000 : stamp.length === 12 ? 60_000 : 1000;
  return end ? ms + unit - 1 : ms;
}

function rangePredicate(value: string, pick: (p: FakePaper) => string): Predicate {
  const match = /^\[\s*(\S+)\s+TO\s+(\S+)\s*\]$/.exec(value);
  if (!match) throw new QuerySyntaxError(`bad range "${value}"`);
  const from = parseStamp(match[1] ?? '', false);
  const to = parseStamp(match[2] ?? '', true);
  return (p) => {
    const t = Date.parse(pick(p));
    return t >= from && t <= to;
  };
}

function textPredicate(value: string, pick: (p: FakePaper) => string): Predicate {
  const needle = value.replace(/^"|"$/g, '').toLowerCase();
  return (p) => pick(p).toLowerCase().includes(needle);
}

function termPredicate(text: string): Predicate {
  const colon = text.indexOf(':');
  const hasField = colon > 0 && /^[A-Za-z]+$/.test(text.slice(0, colon));
  const field = hasField ? text.slice(0, colon) : 'all';
  const value = hasField ? text.slice(colon + 1) : text;
  if (value === '') throw new QuerySyntaxError(`empty value for ${field}`);
  switch (field) {
    case 'cat': {
      const prefix = value.endsWith('*') ? value.slice(0, -1) : undefined;
      return (p) => p.categories.some((c) => (prefix === undefined ? c === value : c.startsWith(prefix)));
    }
    case 'ti':
      return textPredicate(value, (p) => p.title);
    case 'abs':
      return textPredicate(value, (p) => p.abstract);
    case 'au':
      return textPredicate(value.replace(/_/g, ' '), (p) => p.authors.join('; '));
    case 'co':
      return textPredicate(value, (p) => p.comment ?? '');
    case 'jr':
      return textPredicate(value, (p) => p.journalRef ?? '');
    case 'id':
      return (p) => p.id === value.replace(/v\d+$/, '');
    case 'all':
      return textPredicate(value, (p) =>
        [p.title, p.abstract, p.authors.join('; '), p.comment ?? ''].join('\n'),
      );
    case 'submittedDate':
      return rangePredicate(value, (p) => p.published);
    case 'lastUpdatedDate':
      return rangePredicate(value, (p) => p.updated);
    default:
      throw new QuerySyntaxError(`unknown field "${field}"`);
  }
}

/** Parses a search_query into a predicate; throws QuerySyntaxError. */
export function parseSearchQuery(query: string): Predicate {
  const tokens = tokenize(query);
  let at = 0;
  const peek = (): Token | undefined => tokens[at];

  const primary = (): Predicate => {
    const token = tokens[at++];
    if (token?.kind === 'open') {
      const inner = orExpr();
      if (tokens[at++]?.kind !== 'close') throw new QuerySyntaxError('missing ")"');
      return inner;
    }
    if (token?.kind === 'term') return termPredicate(token.text);
    throw new QuerySyntaxError(
      token ? `unexpected ${token.kind === 'op' ? token.op : ')'}` : 'unexpected end',
    );
  };

  const andExpr = (): Predicate => {
    let left = primary();
    for (;;) {
      const next = peek();
      if (next?.kind === 'op' && next.op !== 'OR') {
        at++;
        const right = primary();
        const l = left;
        left = next.op === 'AND' ? (p) => l(p) && right(p) : (p) => l(p) && !right(p);
      } else if (next?.kind === 'term' || next?.kind === 'open') {
        const right = primary();
        const l = left;
        left = (p) => l(p) && right(p);
      } else {
        return left;
      }
    }
  };

  function orExpr(): Predicate {
    let left = andExpr();
    while (peek()?.kind === 'op') {
      at++;
      const right = andExpr();
      const l = left;
      left = (p) => l(p) || right(p);
    }
    return left;
  }

  const result = orExpr();
  if (at < tokens.length) throw new QuerySyntaxError('unexpected ")"');
  return result;
}

const NEW_ID = /^\d{4}\.\d{4,5}(v\d+)?$/;
const OLD_ID = /^[a-z-]+(\.[A-Z]{2})?\/\d{7}(v\d+)?$/;

export function isValidArxivId(id: string): boolean {
  return NEW_ID.test(id) || OLD_ID.test(id);
}

/** Splits `2605.01234v2` into id and version. */
export function splitVersion(id: string): { id: string; version: number | undefined } {
  const match = /^(.*?)v(\d+)$/.exec(id);
  return match ? { id: match[1] ?? id, version: Number(match[2]) } : { id, version: undefined };
}
