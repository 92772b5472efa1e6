import { describe, expect, it } from 'vitest';
import { hashFiles } from '../../../src/adapters/leaderboards/conditional-fetch.ts';
import {
  categoryAverage,
  globalAverage,
} from '../../../src/adapters/leaderboards/livebench/livebench-average.ts';
import { bundlePath, releaseDate } from '../../../src/adapters/leaderboards/livebench/release-date.ts';
import { defaultWindow, passAt1 } from '../../../src/adapters/leaderboards/livecodebench/score-window.ts';
import { fixtureBytes } from './fixture-files.ts';

const text = (name: string) => new TextDecoder().decode(fixtureBytes(name));

describe('LiveCodeBench default window', () => {
  const marks = (n: number) => Array.from({ length: n }, (_, i) => 1_000 * (n - 1 - i));

  it('starts on mark 15 of the 25 real marks and ends on the last', () => {
    const real = JSON.parse(text('livecodebench_performances_generation_TRIMMED.json')) as {
      date_marks: number[];
    };
    const sorted = [...real.date_marks].sort((a, b) => a - b);
    expect(defaultWindow(real.date_marks)).toEqual({ start: sorted[15], end: sorted[24] });
  });

  it('lands where the browser snaps the slider to a whole percent', () => {
    // 71 marks: 15/70 = 21.43 % snaps to 21 %, which reads back as mark 14.
    expect(defaultWindow(marks(71))?.start).toBe(14_000);
    // 10 marks: 4/9 = 44.4 % snaps to 44 %, mark 3.
    expect(defaultWindow(marks(10))?.start).toBe(3_000);
    // 25 marks: 62.5 % rounds up to 63 %, still mark 15.
    expect(defaultWindow(marks(25))?.start).toBe(15_000);
    expect(defaultWindow([5])).toBeUndefined();
  });

  it('rounds the mean to one decimal and gives 0 for no problems, as the site does', () => {
    expect(passAt1([100, 0, 0])).toBe(33.3);
    expect(passAt1([])).toBe(0);
  });
});

describe('LiveBench', () => {
  it('reads the release date from the real index.html and bundle', () => {
    expect(bundlePath(text('livebench_index.html'))).toBe('./static/js/main.b0448181.js');
    expect(releaseDate(text('livebench_main.b0448181_TRIMMED.js.txt'))).toBe('2026-01-08');
    expect(releaseDate('useState(9)')).toBeUndefined();
  });

  it('skips blank tasks and gives no global average when a whole category is blank', () => {
    const categories = { A: ['a1', 'a2'], B: ['b1'] };
    expect(categoryAverage({ a1: '10', a2: '' }, categories.A)).toBe(10);
    expect(globalAverage({ model: 'm', a1: '10', a2: '30', b1: '50' }, categories)).toBe(35);
    expect(Number.isNaN(globalAverage({ model: 'm', a1: '10', b1: '' }, categories))).toBe(true);
  });
});

describe('file hash', () => {
  it('changes with any byte and with the order of files', () => {
    const a = new Uint8Array([1, 2]);
    const b = new Uint8Array([3]);
    const ab = hashFiles(
      new Map([
        ['x', a],
        ['y', b],
      ]),
    );
    expect(
      hashFiles(
        new Map([
          ['x', a],
          ['y', b],
        ]),
      ),
    ).toBe(ab);
    expect(
      hashFiles(
        new Map([
          ['y', b],
          ['x', a],
        ]),
      ),
    ).not.toBe(ab);
    expect(
      hashFiles(
        new Map([
          ['x', new Uint8Array([1, 2, 0])],
          ['y', b],
        ]),
      ),
    ).not.toBe(ab);
  });
});
