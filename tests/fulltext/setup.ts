/** Shared wiring for the full-text tests: the arXiv fake, a state dir, and the job's dependencies. */
import { createFullTextService, type FetchTextDeps } from '../../src/fulltext/fetch-text.ts';
import { unifiedLatexConverter } from '../../src/fulltext/latex/latex-converter.ts';
import { createSiteRoutes } from '../../src/fulltext/routes/site-routes.ts';
import { createHttpClient } from '../../src/http/http-client.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createFulltextStore } from '../../src/store/fulltext-store.ts';
import { createPapersStore } from '../../src/store/papers-store.ts';
import type { Paper } from '../../src/store/schemas.ts';
import type { ArxivFake, FakePaper } from '../fakes/arxiv-fake.ts';

export function toPaper(p: FakePaper): Paper {
  return {
    id: p.id,
    version: p.version,
    title: p.title,
    abstract: p.abstract,
    authors: p.authors,
    categories: p.categories,
    primaryCategory: p.primaryCategory,
    published: p.published,
    updated: p.updated,
    absUrl: `https://arxiv.org/abs/${p.id}`,
    pdfUrl: `https://arxiv.org/pdf/${p.id}`,
  };
}

export interface Wiring {
  deps: FetchTextDeps;
  clock: { now: Date };
}

export function wire(fake: ArxivFake, stateDir: string, requestIntervalSeconds = 0): Wiring {
  const clock = { now: new Date('2026-05-07T12:00:00Z') };
  const http = createHttpClient({ retry: { retries: 3, baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 5000 });
  const logger = silentLogger();
  const routes = createSiteRoutes(
    { http, converter: unifiedLatexConverter, logger },
    { siteUrl: fake.url, requestIntervalSeconds },
  );
  const deps: FetchTextDeps = {
    routes,
    store: createFulltextStore(stateDir),
    papers: createPapersStore(stateDir),
    logger,
    now: () => clock.now,
  };
  return { deps, clock };
}

export const service = (w: Wiring) => createFullTextService(w.deps);
