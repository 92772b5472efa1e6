import { describe, expect, it } from 'vitest';
import { type EvalCase, parseCaseSet } from './case-set.ts';
import { issueId, scanIntegrity, selectRunnable } from './integrity.ts';

const now = new Date('2026-12-02T00:00:00Z');
const make = (id: string, extra: Partial<EvalCase> = {}): EvalCase => ({
  id,
  title: 'T',
  abstract: 'A',
  authors: [],
  categories: [],
  source: 'jsonl',
  ...extra,
});

describe('case sets and their integrity', () => {
  it('reads a list of ids or a JSONL of cases, and names a bad line', () => {
    expect(parseCaseSet('# ids\n2511.00001\n\n2511.00002 # second\n2511.00001\n')).toEqual({
      kind: 'ids',
      ids: ['2511.00001', '2511.00002'],
    });
    const jsonl = parseCaseSet('{"id":"x","title":"T","abstract":"A"}\n');
    expect(jsonl.kind === 'jsonl' && jsonl.cases[0]?.source).toBe('jsonl');
    expect(() => parseCaseSet('{"id":"x"}\n{"id":"x"}\n')).toThrow(/appears twice/);
    expect(() => parseCaseSet('{"id":"x"}\n{oops\n')).toThrow(/line 2/);
    expect(() => parseCaseSet('\n# nothing\n')).toThrow(/empty/);
  });

  it('finds missing input text, full text (when asked for) and references, with stable ids', () => {
    const cases = [
      make('ok', { full_text: 'F', reference: 'R' }),
      make('empty', { title: '', abstract: '' }),
      make('nofull', { reference: 'R' }),
    ];
    const issues = scanIntegrity(cases, { task: 'generation', needsFullText: true, now, exclusions: [] });
    expect(issues.map((i) => `${i.case_id}:${i.issue_type}`)).toEqual([
      'empty:missing_input_text',
      'empty:missing_full_text',
      'empty:missing_reference',
      'nofull:missing_full_text',
    ]);
    expect(issues[0]).toMatchObject({
      id: issueId('generation', 'empty', 'missing_input_text'),
      missing_fields: ['title', 'abstract'],
      source: 'jsonl',
      detected_at: now.toISOString(),
    });
    const noFullNeeded = scanIntegrity(cases, {
      task: 'generation',
      needsFullText: false,
      now,
      exclusions: [],
    });
    expect(noFullNeeded.some((i) => i.issue_type === 'missing_full_text')).toBe(false);
  });

  it('honours exclusions by case or by issue id, in the scan and in the runnable cases', () => {
    const cases = [make('a'), make('b'), make('c', { title: '', abstract: '' })];
    const exclusions = [
      { case_id: 'a', reason: 'duplicate paper' },
      { issue_id: issueId('generation', 'b', 'missing_reference'), reason: '' },
    ];
    const issues = scanIntegrity(cases, { task: 'generation', needsFullText: false, now, exclusions });
    expect(issues.filter((i) => i.excluded).map((i) => i.case_id)).toEqual(['a', 'b']);
    const { runnable, excluded } = selectRunnable(cases, exclusions);
    expect(runnable.map((c) => c.id)).toEqual(['b']);
    expect(excluded).toEqual([
      { case_id: 'a', reason: 'duplicate paper' },
      { case_id: 'c', reason: 'missing_input_text' },
    ]);
  });
});
