/**
 * The arXiv export API as a PaperSource: one search per window, paged with start/max_results
 * until totalResults, at most one request per `requestIntervalSeconds` to the API host
 * (arXiv asks for 3 s), retries on 429/5xx/timeouts through the HTTP client.
 */
import type { HttpClient } from '../../http/http-client.ts';
import type { Logger } from '../../log/logger.ts';
import type { PaperSource } from '../../papers/paper-source.ts';
import { parseAtomFeed } from './atom-parser.ts';
import { ArxivFeedError, ArxivMalformedFeedError } from './errors.ts';
import { buildQueryUrl, buildSearchQuery } from './query.ts';

export interface ArxivSourceDeps {
  http: HttpClient;
  logger: Logger;
}

export interface ArxivApiSourceOptions {
  apiUrl: string;
  /** Where abs/pdf links point when an entry has none. */
  siteUrl: string;
  pageSize: number;
  requestIntervalSeconds: number;
}

/** Makes the client wait `seconds` between two requests to the host of `url`. */
export function limitArxivHost(http: HttpClient, url: string, seconds: number): void {
  if (seconds > 0) http.limitHost(new URL(url).host, { ratePerSecond: 1 / seconds, burst: 1 });
}

export function createArxivApiSource(deps: ArxivSourceDeps, options: ArxivApiSourceOptions): PaperSource {
  limitArxivHost(deps.http, options.apiUrl, options.requestIntervalSeconds);

  const fetchPage = async (searchQuery: string, start: number) => {
    const url = buildQueryUrl(options.apiUrl, { searchQuery, start, maxResults: options.pageSize });
    // arXiv answers a bad query with HTTP 400 and an error feed that names the problem.
    const response = await deps.http.request(url, { operation: 'arXiv query', acceptStatus: [400] });
    const page = parseAtomFeed(response.text(), { siteUrl: options.siteUrl });
    if (response.status === 400) throw new ArxivFeedError(`HTTP 400 without an error entry`);
    return page;
  };

  return {
    name: 'arXiv API',
    async fetchWindow(window, categories, onPage) {
      const searchQuery = buildSearchQuery(categories, window);
      let start = 0;
      let number = 0;
      for (;;) {
        const page = await fetchPage(searchQuery, start);
        number += 1;
        deps.logger.debug({ start, entries: page.papers.length, total: page.totalResults }, 'arXiv page');
        const received = page.papers.length + page.skipped.length;
        if (received === 0 && start < page.totalResults) {
          // arXiv sometimes answers an empty page in the middle of a result set; going on would
          // silently drop the rest of the window.
          throw new ArxivMalformedFeedError(
            `an empty page at start=${start} of ${page.totalResults} results`,
          );
        }
        await onPage({ number, papers: page.papers, skipped: page.skipped, totalResults: page.totalResults });
        start += received;
        if (received === 0 || start >= page.totalResults) return { pages: number };
      }
    },
  };
}
