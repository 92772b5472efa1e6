import { describe, expect, it } from 'vitest';
import { hashTemplate, PromptTemplateError, parseTemplate, renderPrompt } from './prompt-template.ts';

const content =
  '<!-- system -->\nYou summarize {{kind}} papers.\n<!-- user -->\nTitle: {{title}}\n\n{{text}}\n';

describe('prompt templates', () => {
  it('splits the system and user parts and lists the variables', () => {
    const t = parseTemplate('summarize', content);
    expect(t.system).toBe('You summarize {{kind}} papers.');
    expect(t.user).toBe('Title: {{title}}\n\n{{text}}');
    expect(t.variables).toEqual(['kind', 'title', 'text']);
  });

  it('renders named variables into system and user messages', () => {
    const messages = renderPrompt(parseTemplate('s', content), {
      kind: 'NLP',
      title: 'Attention',
      text: 'Body',
    });
    expect(messages).toEqual([
      { role: 'system', content: 'You summarize NLP papers.' },
      { role: 'user', content: 'Title: Attention\n\nBody' },
    ]);
  });

  it('fails on a missing variable and names it', () => {
    const t = parseTemplate('summarize', content);
    expect(() => renderPrompt(t, { kind: 'NLP', text: '' })).toThrow(PromptTemplateError);
    expect(() => renderPrompt(t, { kind: 'NLP', text: '' })).toThrow(/\{\{title\}\}/);
  });

  it('keeps values verbatim, even when they contain braces', () => {
    const t = parseTemplate('s', '<!-- user -->\n{{a}}');
    expect(renderPrompt(t, { a: 'x {{b}} $& y' })[0]?.content).toBe('x {{b}} $& y');
  });

  it('hashes the file content: any edit changes the hash', () => {
    const a = parseTemplate('s', content).hash;
    expect(parseTemplate('s', content).hash).toBe(a);
    expect(parseTemplate('s', `${content} `).hash).not.toBe(a);
    expect(a).toBe(hashTemplate(content));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
  });

  it('rejects a template without a user part', () => {
    expect(() => parseTemplate('bad', '<!-- system -->\nonly system')).toThrow(/no user part/);
  });
});
