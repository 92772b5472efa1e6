import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalTemplate, generationPromptHash, makeCandidate, parseOptionPairs } from './candidate.ts';

describe('generation candidates', () => {
  it('hashes sha256("prompt-v1|" + canonical template)', () => {
    const template = 'Title: {{title}}\n\n{{abstract}}';
    const expected = createHash('sha256').update(`prompt-v1|${template}`).digest('hex');
    expect(generationPromptHash(template)).toBe(expected);
  });

  it('keeps the hash across whitespace-only and {{ name }} spelling edits, and changes it on a real edit', () => {
    const a = 'Title: {{title}}\nAbstract: {{abstract}}';
    const b = '\r\n  \nTitle: {{ title }}   \r\nAbstract: {{abstract}}\n\n';
    expect(canonicalTemplate(b)).toBe('Title: {{title}}\nAbstract: {{abstract}}');
    expect(generationPromptHash(b)).toBe(generationPromptHash(a));
    expect(generationPromptHash(`${a}\nBe brief.`)).not.toBe(generationPromptHash(a));
  });

  it('validates ids and models and records the hash', () => {
    const now = new Date('2026-12-01T00:00:00Z');
    const c = makeCandidate(
      {
        id: 'gpt-short',
        model: 'default/gpt-4o-mini',
        promptName: 'short',
        generationPromptTemplate: '{{title}}',
      },
      now,
    );
    expect(c).toMatchObject({
      task: 'generation',
      generationPromptHash: generationPromptHash('{{title}}'),
      options: {},
    });
    expect(() =>
      makeCandidate(
        { id: 'Bad Id', model: 'default/x', promptName: 'p', generationPromptTemplate: 't' },
        now,
      ),
    ).toThrow();
    expect(() =>
      makeCandidate({ id: 'ok', model: 'no-provider', promptName: 'p', generationPromptTemplate: 't' }, now),
    ).toThrow();
  });

  it('parses key=value options and names the bad ones', () => {
    expect(parseOptionPairs(['temperature=0.2', 'text_route=abstract', 'oops', 'Bad=1'])).toEqual({
      options: { temperature: '0.2', text_route: 'abstract' },
      bad: ['oops', 'Bad=1'],
    });
  });
});
