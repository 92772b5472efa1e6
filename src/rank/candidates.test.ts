import { describe, expect, it } from 'vitest';
import { makePaper } from '../../tests/helpers/papers.ts';
import { windowFilter } from './candidates.ts';

describe('windowFilter', () => {
  it('keeps papers published on the date or the days before it, in UTC', () => {
    const inWindow = windowFilter('2026-11-21', 3);
    const at = (published: string) => inWindow(makePaper('2611.00001', { published }));
    expect(at('2026-11-21T23:59:59Z')).toBe(true);
    expect(at('2026-11-19T00:00:00Z')).toBe(true);
    expect(at('2026-11-18T23:59:59Z')).toBe(false);
    expect(at('2026-11-22T00:00:00Z')).toBe(false);
  });
});
