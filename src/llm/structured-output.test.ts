import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildStructuredCall, chooseStrategy, retryMessages, validateAnswer } from './structured-output.ts';

const Summary = z.object({ tldr: z.string().min(5), tags: z.array(z.string()).max(3) });
const messages = [
  { role: 'system' as const, content: 'You summarize papers.' },
  { role: 'user' as const, content: 'Summarize: attention is all you need' },
];

describe('chooseStrategy', () => {
  it('follows the declared capabilities', () => {
    expect(chooseStrategy({ structuredOutput: true, jsonMode: true })).toBe('json_schema');
    expect(chooseStrategy({ structuredOutput: false, jsonMode: true })).toBe('json_object');
    expect(chooseStrategy({ structuredOutput: false, jsonMode: false })).toBe('text');
  });
});

describe('buildStructuredCall', () => {
  it('sends a strict json_schema response format and leaves the messages alone', () => {
    const call = buildStructuredCall(
      { structuredOutput: true, jsonMode: false },
      Summary,
      'summary',
      messages,
    );
    expect(call.responseFormat?.type).toBe('json_schema');
    if (call.responseFormat?.type === 'json_schema') {
      expect(call.responseFormat.json_schema.name).toBe('summary');
      expect(call.responseFormat.json_schema.strict).toBe(true);
      expect(JSON.stringify(call.responseFormat.json_schema.schema)).toContain('tldr');
    }
    expect(call.messages).toEqual(messages);
  });

  it('puts the JSON schema into the system message for JSON mode and plain text', () => {
    const jsonMode = buildStructuredCall(
      { structuredOutput: false, jsonMode: true },
      Summary,
      'summary',
      messages,
    );
    expect(jsonMode.responseFormat).toEqual({ type: 'json_object' });
    expect(jsonMode.messages).toHaveLength(2);
    expect(jsonMode.messages[0]?.content).toMatch(/^You summarize papers\.\n\nAnswer with one JSON/);
    expect(jsonMode.messages[0]?.content).toContain('"tldr"');
    const text = buildStructuredCall({ structuredOutput: false, jsonMode: false }, Summary, 'summary', [
      messages[1] ?? messages[0]!,
    ]);
    expect(text.responseFormat).toBeUndefined();
    expect(text.messages.map((m) => m.role)).toEqual(['system', 'user']);
  });
  it('falls back to the instructions path when the strict format cannot express the schema', () => {
    const WithOptional = z.object({ tldr: z.string(), note: z.string().optional() });
    const call = buildStructuredCall(
      { structuredOutput: true, jsonMode: true },
      WithOptional,
      'summary',
      messages,
    );
    expect(call.strategy).toBe('json_object');
    expect(call.responseFormat).toEqual({ type: 'json_object' });
    expect(call.fallbackReason).toMatch(/optional/);
    expect(call.messages[0]?.content).toContain('"note"');
  });
});

describe('validateAnswer', () => {
  it('accepts a repaired answer that matches the schema', () => {
    expect(validateAnswer('```json\n{"tldr": "A fast model", "tags": ["nlp",],}\n```', Summary)).toEqual({
      ok: true,
      value: { tldr: 'A fast model', tags: ['nlp'] },
    });
  });

  it('lists the schema violations with their paths', () => {
    const result = validateAnswer('{"tldr": "x", "tags": ["a", "b", "c", "d"]}', Summary);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toHaveLength(2);
      expect(result.errors[0]).toMatch(/^tldr: /);
      expect(result.errors[1]).toMatch(/^tags: /);
    }
  });

  it('reports text that is not JSON', () => {
    const result = validateAnswer('no idea', Summary);
    expect(result).toMatchObject({ ok: false, errors: [expect.stringMatching(/not JSON/)] });
  });
});

describe('retryMessages', () => {
  it('appends the bad answer and the errors', () => {
    const retry = retryMessages(messages, '{"tldr": "x"}', ['tldr: too short']);
    expect(retry.slice(0, 2)).toEqual(messages);
    expect(retry[2]).toEqual({ role: 'assistant', content: '{"tldr": "x"}' });
    expect(retry[3]?.content).toContain('- tldr: too short');
  });
});
