import { describe, expect, it } from 'vitest';
import { mapColumns, normalizeColumnName } from './column-mapping.ts';
import type { SourceColumn } from './source-columns.ts';

const col = (name: string, kind: SourceColumn['kind']): SourceColumn => ({ name, kind, type: kind });
const none = { modelColumns: new Map<string, string>(), models: new Set<string>() };

describe('mapColumns', () => {
  it('matches names loosely and prefers the closest name', () => {
    expect(normalizeColumnName('publishedDate')).toBe('published_date');
    const mapping = mapColumns(
      [
        col('paper_title', 'string'),
        col('Title', 'string'),
        col('arxivId', 'string'),
        col('publishedDate', 'timestamp'),
      ],
      none,
    );
    expect(mapping.fields).toEqual({ title: 'Title', id: 'arxivId', published: 'publishedDate' });
    expect(mapping.ignored.map((c) => c.name)).toEqual(['paper_title']);
  });

  it('does not take a column of the wrong kind for a field', () => {
    const mapping = mapColumns([col('id', 'string'), col('title', 'float-list')], none);
    expect(mapping.fields.title).toBeUndefined();
    expect(mapping.unmappedVectors).toEqual(['title']);
  });

  it('maps vector columns by --model-column or by a model of the same name; others are listed', () => {
    const mapping = mapColumns(
      [col('id', 'string'), col('emb', 'float-list'), col('bge', 'float-list'), col('x', 'float-list')],
      {
        modelColumns: new Map([['emb', 'minilm']]),
        models: new Set(['minilm', 'bge']),
      },
    );
    expect(mapping.vectors).toEqual([
      { column: 'emb', model: 'minilm' },
      { column: 'bge', model: 'bge' },
    ]);
    expect(mapping.unmappedVectors).toEqual(['x']);
  });
});
