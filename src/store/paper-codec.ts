import { z } from 'zod';
import type { CsvCodec } from './csv-file.ts';
import { Label, Paper } from './schemas.ts';

const jsonList = z.string().transform((text, ctx) => {
  try {
    const value: unknown = JSON.parse(text);
    const list = z.array(z.string()).safeParse(value);
    if (list.success) return list.data;
  } catch {
    // reported below
  }
  ctx.addIssue({ code: 'custom', message: 'must be a JSON list of strings' });
  return z.NEVER;
});

const optionalText = z.string().transform((v) => (v === '' ? undefined : v));

const PAPER_COLUMNS = [
  'id',
  'version',
  'title',
  'abstract',
  'authors',
  'categories',
  'primary_category',
  'comment',
  'journal_ref',
  'doi',
  'published',
  'updated',
  'abs_url',
  'pdf_url',
] as const;

const PaperCsvRow = z
  .object({
    id: z.string(),
    version: z.coerce.number(),
    title: z.string(),
    abstract: z.string(),
    authors: jsonList,
    categories: jsonList,
    primary_category: z.string(),
    comment: optionalText,
    journal_ref: optionalText,
    doi: optionalText,
    published: z.string(),
    updated: z.string(),
    abs_url: z.string(),
    pdf_url: z.string(),
  })
  .transform((row) => {
    const paper: Record<string, unknown> = {
      id: row.id,
      version: row.version,
      title: row.title,
      abstract: row.abstract,
      authors: row.authors,
      categories: row.categories,
      primaryCategory: row.primary_category,
      published: row.published,
      updated: row.updated,
      absUrl: row.abs_url,
      pdfUrl: row.pdf_url,
    };
    if (row.comment !== undefined) paper.comment = row.comment;
    if (row.journal_ref !== undefined) paper.journalRef = row.journal_ref;
    if (row.doi !== undefined) paper.doi = row.doi;
    return paper;
  })
  .pipe(Paper);

export const paperCodec: CsvCodec<Paper> = {
  columns: PAPER_COLUMNS,
  decode: PaperCsvRow,
  encode: (p) => ({
    id: p.id,
    version: String(p.version),
    title: p.title,
    abstract: p.abstract,
    authors: JSON.stringify(p.authors),
    categories: JSON.stringify(p.categories),
    primary_category: p.primaryCategory,
    comment: p.comment ?? '',
    journal_ref: p.journalRef ?? '',
    doi: p.doi ?? '',
    published: p.published,
    updated: p.updated,
    abs_url: p.absUrl,
    pdf_url: p.pdfUrl,
  }),
};

const LabelCsvRow = z
  .object({ id: z.string(), label: z.coerce.number(), source: z.string(), user: z.string(), at: z.string() })
  .pipe(Label);

export const labelCodec: CsvCodec<Label> = {
  columns: ['id', 'label', 'source', 'user', 'at'],
  decode: LabelCsvRow,
  encode: (l) => ({ id: l.id, label: String(l.label), source: l.source, user: l.user, at: l.at }),
};
