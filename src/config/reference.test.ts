import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configReference } from './reference.ts';

describe('configuration reference', () => {
  it('lists every setting with its default', () => {
    const table = configReference();
    expect(table).toContain('| `arxiv.categories` |');
    expect(table).toContain('`["cs.AI","cs.CL","cs.CV","cs.IR","cs.LG"]`');
    expect(table).toContain('| `llm.providers.<name>.models.<name>.structuredOutput` | boolean | `false` |');
    expect(table).toContain('embedding.models.<name>.model (backend "transformers")');
  });

  it('is the one in the README (regenerate with `npx tsx scripts/config-reference.ts --write`)', () => {
    const readme = readFileSync(join(import.meta.dirname, '..', '..', 'README.md'), 'utf8');
    expect(readme).toContain(configReference());
  });
});
