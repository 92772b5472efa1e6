/** The project's summary prompt: its variables are those the generation benchmark can vary, and it asks for every field. */
import { describe, expect, it } from 'vitest';
import { SummaryFields } from '../../src/core/summary.ts';
import { loadPrompt } from '../../src/digest/prompt-files.ts';
import { renderPrompt } from '../../src/digest/prompt-template.ts';
import { TEMPLATE_VARIABLES } from '../../src/evals/generation/candidate.ts';

describe('prompts/summarize.md', () => {
  it('uses only variables the generation benchmark fills, and names every summary field', async () => {
    const prompt = await loadPrompt('summarize');
    const known: readonly string[] = TEMPLATE_VARIABLES;
    expect(prompt.variables.filter((v) => !known.includes(v))).toEqual([]);
    expect(prompt.variables).toEqual(
      expect.arrayContaining(['title', 'abstract', 'full_text', 'text_note', 'categories']),
    );
    for (const field of Object.keys(SummaryFields.shape)) expect(prompt.system).toContain(`- ${field}`);
    const [system, user] = renderPrompt(prompt, {
      title: 'T',
      authors: 'A',
      abstract: 'Abs.',
      categories: 'cs.CL',
      text_note: 'Full text follows.',
      full_text: '# Intro\nBody.',
    });
    expect(system?.content).toMatch(/never repeat a sentence across fields/);
    expect(user?.content).toContain('Categories: cs.CL');
    expect(user?.content).toContain('# Intro\nBody.');
  });
});
