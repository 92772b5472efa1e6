import type { Paper } from '../../src/store/schemas.ts';

/** A valid paper with overridable fields. */
export function makePaper(id: string, overrides: Partial<Paper> = {}): Paper {
  return {
    id,
    version: 1,
    title: `Paper ${id}`,
    abstract: `Abstract of ${id}.`,
    authors: ['Ada Lovelace', 'Alan Turing'],
    categories: ['cs.CL', 'cs.LG'],
    primaryCategory: 'cs.CL',
    published: '2026-11-18T17:00:00Z',
    updated: '2026-11-18T17:00:00Z',
    absUrl: `https://arxiv.org/abs/${id}`,
    pdfUrl: `https://arxiv.org/pdf/${id}`,
    ...overrides,
  };
}
