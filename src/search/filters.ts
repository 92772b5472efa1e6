/** Search filters as a predicate over document ids (pure). */
import { UsageError } from '../core/errors.ts';
import type { FilterFacts } from './corpus.ts';
import type { SearchFilters } from './search-port.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function hasFilters(filters: SearchFilters | undefined): filters is SearchFilters {
  if (!filters) return false;
  return (
    filters.since !== undefined ||
    filters.until !== undefined ||
    (filters.categories?.length ?? 0) > 0 ||
    filters.likedOnly === true ||
    filters.hasSummary !== undefined
  );
}

function checkDay(name: string, value: string | undefined): void {
  if (value !== undefined && !DAY.test(value))
    throw new UsageError(`${name} must be a day as YYYY-MM-DD, got "${value}"`);
}

/** Undefined when nothing is filtered; throws UsageError on a malformed day or a corpus without facts. */
export function filterPredicate(
  filters: SearchFilters | undefined,
  facts: ((id: string) => FilterFacts | undefined) | undefined,
): ((id: string) => boolean) | undefined {
  if (!hasFilters(filters)) return undefined;
  if (!facts) throw new UsageError('this corpus has no dates, categories, labels or summaries to filter on');
  checkDay('since', filters.since);
  checkDay('until', filters.until);
  const categories = filters.categories?.length ? new Set(filters.categories) : undefined;
  return (id) => {
    const f = facts(id);
    if (!f) return false;
    if (filters.since !== undefined && (f.published === undefined || f.published < filters.since))
      return false;
    if (filters.until !== undefined && (f.published === undefined || f.published > filters.until))
      return false;
    if (categories && !(f.categories ?? []).some((c) => categories.has(c))) return false;
    if (filters.likedOnly === true && f.liked !== true) return false;
    if (filters.hasSummary !== undefined && (f.hasSummary === true) !== filters.hasSummary) return false;
    return true;
  };
}
