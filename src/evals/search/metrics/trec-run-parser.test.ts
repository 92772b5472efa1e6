import { describe, expect, it } from 'vitest';
import { TrecFormatError } from './trec-errors.ts';
import { createRunParser, parseRun, parseScore } from './trec-run-parser.ts';

describe('TREC run parser', () => {
  it('gives the same rankings whatever the chunk boundaries', () => {
    const text =
      'q1 Q0 d1 1 0.5 r\nq2\tQ0\td2\t1\t1e-3\tr extra columns\nq1 Q0 d3 2 0.25 r\n\nq1 Q0 d4 3 -2 r';
    const whole = parseRun(text);
    for (let size = 1; size < 12; size += 1) {
      const parser = createRunParser();
      const bytes = Buffer.from(text, 'latin1');
      for (let i = 0; i < bytes.length; i += size) parser.feed(bytes.subarray(i, i + size));
      const run = parser.end();
      expect(run.runId).toBe('r');
      const q1 = run.byQuery.get('q1');
      expect(q1 && Array.from({ length: q1.size }, (_, i) => [q1.docno(i), q1.score(i)])).toEqual([
        ['d1', 0.5],
        ['d3', 0.25],
        ['d4', -2],
      ]);
      expect(run.byQuery.get('q2')?.score(0)).toBe(0.001);
    }
    expect(whole.byQuery.size).toBe(2);
  });

  it('parses scores as strtod does', () => {
    for (const text of [
      '0.3',
      '2.129133',
      '-0.5',
      '+7',
      '1e-3',
      '123456789012345678',
      '0.1234567890123456789',
    ]) {
      const bytes = Buffer.from(text, 'latin1');
      expect(parseScore(bytes, 0, bytes.length)).toBe(Number(text));
    }
  });

  it('names the file and line of a short or non-numeric line', () => {
    expect(() => parseRun('q1 Q0 d1 1 0.5 r\nq1 Q0 d2 1 0.4\n', 'my.run')).toThrow(
      /my\.run: line 2: expected 6 fields/,
    );
    expect(() => parseRun('q1 Q0 d1 1 high r\n', 'my.run')).toThrow(TrecFormatError);
  });
});
