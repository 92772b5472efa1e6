import { describe, expect, it } from 'vitest';
import { isBoilerplatePhrase } from './boilerplate-phrases.ts';

describe('isBoilerplatePhrase', () => {
  it('knows paper boilerplate whatever its case and hyphens, and no topic', () => {
    expect(isBoilerplatePhrase('Project Page')).toBe(true);
    expect(isBoilerplatePhrase('source  code')).toBe(true);
    expect(isBoilerplatePhrase('state-of-the-art')).toBe(true);
    expect(isBoilerplatePhrase('diffusion models')).toBe(false);
    expect(isBoilerplatePhrase('kv cache')).toBe(false);
  });
});
