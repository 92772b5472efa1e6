/**
 * What the summarizer asks for: a paper's text as markdown, fitted to the model's context.
 * `route` says where it came from; 'abstract' means the full text could not be had.
 */

import type { TextRoute } from '../store/fulltext-store.ts';
import type { Paper } from '../store/schemas.ts';
import type { FetchTextOptions, FullTextService } from './fetch-text.ts';
import { truncateToBudget } from './truncate.ts';

export interface PaperTextResult {
  route: TextRoute;
  text: string;
  truncated: boolean;
  /** Sections left out to fit the budget ("references: References", …). */
  dropped: string[];
  /** Sections cut short to fit the budget. */
  shortened: string[];
}

export async function getPaperText(
  deps: { fullText: FullTextService },
  paper: Paper,
  options: { maxTokens: number } & Pick<FetchTextOptions, 'force' | 'abstractTtlMs'>,
): Promise<PaperTextResult> {
  const { maxTokens, ...fetchOptions } = options;
  const text = await deps.fullText.get(paper.id, { ...fetchOptions, paper });
  const fitted = truncateToBudget(text.markdown, maxTokens);
  return {
    route: text.route,
    text: fitted.text,
    truncated: fitted.truncated,
    dropped: fitted.dropped,
    shortened: fitted.shortened,
  };
}
