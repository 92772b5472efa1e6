import { describe, expect, it } from 'vitest';
import { createRandom } from '../rank/prng.ts';
import { isAscii, scanAscii, type TokenKind } from './ascii-scanner.ts';
import { regexTokens } from './tokenize.ts';

const scanned = (s: string): [TokenKind, string][] => {
  const out: [TokenKind, string][] = [];
  scanAscii(s, (kind, token) => out.push([kind, token]));
  return out;
};

describe('scanAscii', () => {
  it('finds the same tokens as the analyzer pattern on tricky cases', () => {
    const cases = [
      'see arxiv:2511.01234v2 and hep-th/9901001v3, math.ag/0101001',
      '2511.012345 12345.67890 1,000.5 3.14. v2 2511.0123 x/1234567 a-b/12345678',
      "state-of-the-art don't model's rock'n'roll -x- a--b 'quoted' o'",
      'gpt-4o 3d-printing l2-norm 1-2-3 abc.de/1234567 abc.d/1234567 ab-/1234567',
    ];
    for (const s of cases) expect(scanned(s)).toEqual(regexTokens(s));
  });

  it('agrees with the pattern on random strings over its special characters', () => {
    const random = createRandom(5);
    const alphabet = "ab v19-'./, ";
    for (let n = 0; n < 3000; n++) {
      let s = '';
      const length = 1 + Math.floor(random() * 40);
      for (let i = 0; i < length; i++) s += alphabet[Math.floor(random() * alphabet.length)];
      expect(scanned(s)).toEqual(regexTokens(s));
    }
  });

  it('tells ASCII text from text the regex must handle', () => {
    expect(isAscii('plain text 123')).toBe(true);
    expect(isAscii('naïve')).toBe(false);
  });
});
