/**
 * arXiv OAI-PMH as a PaperSource, for backfills of months: ListRecords in the arXiv metadata
 * format per archive set, followed through resumptionTokens. Its window is on the records'
 * datestamps (the day of their last update), not on the submission day.
 */
import type { PaperSource } from '../../papers/paper-source.ts';
import { type ArxivSourceDeps, limitArxivHost } from './arxiv-source.ts';
import { parseOaiListRecords } from './oai-parser.ts';
import { buildOaiUrl, type OaiRequest, oaiSetsFor } from './query.ts';

export interface ArxivOaiSourceOptions {
  oaiUrl: string;
  siteUrl: string;
  requestIntervalSeconds: number;
}

export function createArxivOaiSource(deps: ArxivSourceDeps, options: ArxivOaiSourceOptions): PaperSource {
  limitArxivHost(deps.http, options.oaiUrl, options.requestIntervalSeconds);

  return {
    name: 'arXiv OAI-PMH',
    async fetchWindow(window, categories, onPage) {
      let number = 0;
      for (const set of oaiSetsFor(categories)) {
        let request: OaiRequest | undefined = { set, window };
        while (request !== undefined) {
          const url = buildOaiUrl(options.oaiUrl, request);
          const text = await deps.http.getText(url, { operation: 'arXiv OAI-PMH ListRecords' });
          const page = parseOaiListRecords(text, { siteUrl: options.siteUrl });
          number += 1;
          deps.logger.debug({ set, records: page.papers.length, total: page.completeListSize }, 'OAI page');
          await onPage({
            number,
            papers: page.papers,
            skipped: page.skipped,
            totalResults: page.completeListSize,
          });
          request =
            page.resumptionToken === undefined ? undefined : { resumptionToken: page.resumptionToken };
        }
      }
      return { pages: number };
    },
  };
}
