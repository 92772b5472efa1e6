import { RadarError } from '../../core/errors.ts';

/** arXiv answered, with an error: an Atom entry titled "Error" or an OAI-PMH `<error>`. */
export class ArxivFeedError extends RadarError {
  constructor(
    /** arXiv's own words, e.g. "incorrect id format for abc". */
    readonly arxivMessage: string,
    readonly code?: string,
  ) {
    super(`arXiv answered with an error${code ? ` (${code})` : ''}: ${arxivMessage}`);
  }
}

/** The body is not the XML arXiv promises (a truncated page, an HTML error page, JSON). */
export class ArxivMalformedFeedError extends RadarError {
  constructor(readonly reason: string) {
    super(`arXiv sent a malformed page: ${reason}`);
  }
}
