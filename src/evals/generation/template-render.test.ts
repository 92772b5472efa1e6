import { describe, expect, it } from 'vitest';
import { renderGenerationPrompt, usesVariable } from './template-render.ts';

describe('generation templates', () => {
  it('replaces a missing or empty variable by an empty string and records it', () => {
    const r = renderGenerationPrompt(
      'Title: {{title}}\n{{full_text}}\n{{nonsense}}',
      { title: 'T', full_text: '' },
      'SYSTEM',
    );
    expect(r.messages).toEqual([
      { role: 'system', content: 'SYSTEM' },
      { role: 'user', content: 'Title: T' },
    ]);
    expect(r.missing).toEqual(['full_text', 'nonsense']);
    expect(r.text).toContain('### user\nTitle: T');
  });

  it("uses the template's own system part when it has one", () => {
    const r = renderGenerationPrompt(
      '<!-- system -->\nBe brief about {{title}}.\n<!-- user -->\n{{abstract}}',
      { title: 'T', abstract: 'A' },
      'DEFAULT',
    );
    expect(r.messages[0]).toEqual({ role: 'system', content: 'Be brief about T.' });
    expect(usesVariable('x {{ full_text }}', 'full_text')).toBe(true);
    expect(usesVariable('x {{abstract}}', 'full_text')).toBe(false);
  });
});
