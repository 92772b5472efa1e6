import { describe, expect, it } from 'vitest';
import { extractJsonText, parseJsonLenient, repairJson } from './json-repair.ts';

function parsed(text: string): unknown {
  const result = parseJsonLenient(text);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('extractJsonText', () => {
  it('takes the body of a fenced block', () => {
    expect(extractJsonText('Here you go:\n```json\n{"a": 1}\n```\nAnything else?')).toBe('{"a": 1}');
  });

  it('takes the object out of surrounding prose', () => {
    expect(extractJsonText('Sure! {"a": {"b": [1]}} Hope this helps.')).toBe('{"a": {"b": [1]}}');
  });

  it('keeps a truncated tail from the first bracket on', () => {
    expect(extractJsonText('```json\n{"a": [1, 2')).toBe('{"a": [1, 2');
  });
});

describe('parseJsonLenient', () => {
  it('leaves valid JSON untouched, smart quotes inside strings included', () => {
    const result = parseJsonLenient('{"quote": "she said “hi”, it\'s fine", "n": -1.5e3}');
    expect(result).toEqual({
      ok: true,
      value: { quote: "she said “hi”, it's fine", n: -1500 },
      repaired: false,
    });
  });

  it('repairs trailing commas inside a fenced block', () => {
    expect(parsed('```json\n{"tags": ["a", "b",], "n": 2,}\n```')).toEqual({ tags: ['a', 'b'], n: 2 });
  });

  it('repairs single quotes, unquoted keys and Python literals', () => {
    expect(parsed("{title: 'It\\'s \"big\"', ok: True, missing: None, flag: false}")).toEqual({
      title: 'It\'s "big"',
      ok: true,
      missing: null,
      flag: false,
    });
  });

  it('repairs smart quotes used as JSON quotes', () => {
    expect(parsed('{“title”: “Fast attention”, ‘k’: ‘v’}')).toEqual({ title: 'Fast attention', k: 'v' });
  });

  it('drops line and block comments but not slashes in strings', () => {
    const text = '{\n  // the title\n  "url": "https://arxiv.org/abs/1", /* note */ "n": 1\n}';
    expect(parsed(text)).toEqual({ url: 'https://arxiv.org/abs/1', n: 1 });
  });

  it('escapes raw newlines inside strings', () => {
    expect(parsed('{"text": "line one\nline two"}')).toEqual({ text: 'line one\nline two' });
  });

  it('closes a truncated answer: open string, dangling comma and colon, missing brackets', () => {
    expect(parsed('{"a": [1, 2, {"b": "unfinished')).toEqual({ a: [1, 2, { b: 'unfinished' }] });
    expect(parsed('{"a": [1, 2,')).toEqual({ a: [1, 2] });
    expect(parsed('{"a": 1, "b":')).toEqual({ a: 1, b: null });
  });

  it('fails clearly on text that holds no JSON', () => {
    const result = parseJsonLenient('I cannot help with that.');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not JSON/);
  });

  it('repairs arrays at the top level', () => {
    expect(repairJson("['x', 'y',]")).toBe('["x", "y"]');
  });
});
