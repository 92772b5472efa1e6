import { describe, expect, it } from 'vitest';
import { RadarConfig } from '../config/schema.ts';
import { defaultModel, resolveModel, splitModelRef } from './model-resolution.ts';

const provider = (models: Record<string, object>) => ({
  baseUrl: 'http://127.0.0.1:1/v1',
  apiKeyEnv: 'KEY',
  models,
});

describe('resolveModel', () => {
  const { llm } = RadarConfig.parse({
    llm: {
      providers: {
        local: provider({ 'library/qwen3:8b': {} }),
        default: provider({ 'gpt-4o-mini': { structuredOutput: true }, 'gpt-4o': {} }),
      },
      tasks: { tags: 'local/library/qwen3:8b', judge: 'default/gpt-4o' },
    },
  });

  it('uses the task entry, whose model part may hold slashes', () => {
    expect(resolveModel(llm, 'tags')).toMatchObject({ providerName: 'local', modelName: 'library/qwen3:8b' });
    expect(resolveModel(llm, 'judge')).toMatchObject({ providerName: 'default', modelName: 'gpt-4o' });
  });

  it('falls back to the default provider’s first model', () => {
    expect(resolveModel(llm, 'summary')).toMatchObject({ providerName: 'default', modelName: 'gpt-4o-mini' });
    expect(resolveModel(llm, 'summary')?.model.structuredOutput).toBe(true);
  });

  it('takes the first provider when none is called default, and nothing when no model is declared', () => {
    const only = RadarConfig.parse({ llm: { providers: { ollama: provider({ llama3: {} }) } } }).llm;
    expect(defaultModel(only)).toMatchObject({ providerName: 'ollama', modelName: 'llama3' });
    const none = RadarConfig.parse({ llm: { providers: { ollama: provider({}) } } }).llm;
    expect(resolveModel(none, 'summary')).toBeUndefined();
  });

  it('splits provider/model references', () => {
    expect(splitModelRef('a/b/c')).toEqual({ providerName: 'a', modelName: 'b/c' });
    expect(splitModelRef('nomodel/')).toBeUndefined();
    expect(splitModelRef('/x')).toBeUndefined();
  });
});
