import { describe, expect, it } from 'vitest';
import { diffSchema, initialProperties, PAPERS_DATABASE } from './schema.ts';

describe('notion papers schema', () => {
  it('creates every property but the self relation, which needs the data source id', () => {
    const initial = initialProperties(PAPERS_DATABASE);
    expect(Object.keys(initial)).not.toContain('Related');
    expect(initial.Feedback).toEqual({ select: { options: [{ name: '👍' }, { name: '👎' }] } });
    expect(diffSchema(PAPERS_DATABASE, {}, 'ds-1').add.Related).toEqual({
      relation: { data_source_id: 'ds-1', type: 'single_property', single_property: {} },
    });
  });

  it('adds only what is missing, keeps a renamed title, and reports retyped properties without touching them', () => {
    const existing = {
      Name: { type: 'title' },
      'arXiv ID': { type: 'rich_text' },
      Score: { type: 'rich_text' },
      Mine: { type: 'checkbox' },
    };
    const diff = diffSchema(PAPERS_DATABASE, existing, 'ds');
    expect(Object.keys(diff.add)).not.toContain('Title');
    expect(Object.keys(diff.add)).not.toContain('arXiv ID');
    expect(Object.keys(diff.add)).not.toContain('Score');
    expect(Object.keys(diff.add)).toContain('Feedback');
    expect(Object.keys(diff.add)).not.toContain('Mine');
    expect(diff.conflicts).toEqual([{ name: 'Score', expected: 'number', actual: 'rich_text' }]);
  });
});
