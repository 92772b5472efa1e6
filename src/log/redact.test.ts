import { describe, expect, it } from 'vitest';
import { REDACTED, redactText, redactValues, registerSecrets } from './redact.ts';

describe('redaction of secret values', () => {
  it('hides registered values wherever they appear, and leaves other text alone', () => {
    registerSecrets(['proxy-key-8f2a91c0', undefined, '  ']);
    expect(redactValues('Received API Key = proxy-key-8f2a91c0; again proxy-key-8f2a91c0')).toBe(
      `Received API Key = ${REDACTED}; again ${REDACTED}`,
    );
    expect(redactValues('a token: nothing secret here')).toBe('a token: nothing secret here');
  });

  it('also hides token-shaped strings in log and error text', () => {
    expect(redactText('Authorization: Bearer abcdefghijklmnop1234')).toBe(
      `Authorization: Bearer ${REDACTED}`,
    );
    expect(redactText('key sk-abcdefghijklmnop1234 refused')).toBe(`key ${REDACTED} refused`);
    expect(redactText('one-off', ['one-off'])).toBe(REDACTED);
  });
});
