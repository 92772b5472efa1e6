/** The tag resolver: embedding similarity merges, and the ambiguous band decided in one LLM call per batch. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPrompt } from '../../src/digest/prompt-files.ts';
import { silentLogger } from '../../src/log/logger.ts';
import { createTagResolver } from '../../src/tags/tag-resolver.ts';
import { createVocabulary } from '../../src/tags/vocabulary.ts';
import { type OpenAIFake, startOpenAIFake } from '../fakes/openai-fake.ts';
import { setUpLlm } from '../helpers/llm.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
let fake: OpenAIFake;
beforeEach(async () => {
  fake = await startOpenAIFake();
});
afterEach(() => fake.close());

/** Unit vectors at a planted cosine to the axis of their "base" tag. */
function planted(table: Record<string, [axis: number, cosine: number]>) {
  return async (texts: readonly string[]) =>
    texts.map((t) => {
      const [axis, cos] = table[t] ?? [7, 1];
      const v = new Float32Array(8);
      v[axis] = cos;
      v[6] = Math.sqrt(Math.max(0, 1 - cos * cos));
      return v;
    });
}

const embed = planted({
  quantization: [0, 1],
  'weight quantization': [0, 0.95],
  'model compression': [0, 0.85],
  'post-training quantization': [0, 0.82],
  'vision transformers': [1, 1],
  'image transformers': [1, 0.86],
  'protein folding': [2, 1],
  'speech recognition': [3, 1],
});

describe('tag resolver', () => {
  it('merges embedding-similar tags above the threshold and keeps dissimilar ones new, without the LLM', async () => {
    const vocabulary = createVocabulary([{ name: 'quantization', aliases: [] }]);
    const resolver = createTagResolver(
      { vocabulary, embed, logger: silentLogger() },
      { mergeThreshold: 0.9, ambiguousLow: 0.8 },
    );
    const { mapping, decisions } = await resolver.resolve([
      'weight quantization',
      'protein folding',
      'Quantizations',
    ]);
    expect(mapping.get('weight quantization')).toBe('quantization');
    expect(mapping.get('Quantizations')).toBe('quantization');
    expect(mapping.get('protein folding')).toBe('protein folding');
    expect(decisions.find((d) => d.tag === 'weight quantization')).toMatchObject({ via: 'embedding' });
    expect(vocabulary.names()).toEqual(['protein folding', 'quantization']);
  });

  it('decides the whole ambiguous band of a batch in ONE LLM call', async () => {
    const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir() });
    fake.onChat((request) => {
      const content = request.messages.findLast((m) => m.role === 'user')?.content;
      const lines = (typeof content === 'string' ? content : '').split('\n').filter((l) => /^\d+\. /.test(l));
      return {
        json: {
          decisions: lines.map((line, index) => ({
            index,
            merge: line.includes('"image transformers"') || line.includes('"post-training quantization"'),
            reason: 'checked',
          })),
        },
      };
    });
    const vocabulary = createVocabulary([
      { name: 'quantization', aliases: [] },
      { name: 'vision transformers', aliases: [] },
    ]);
    const resolver = createTagResolver(
      { vocabulary, embed, llm: client, mergePrompt: await loadPrompt('tag-merge'), logger: silentLogger() },
      { mergeThreshold: 0.9, ambiguousLow: 0.8 },
    );
    const { mapping, decisions } = await resolver.resolve([
      'model compression',
      'image transformers',
      'post-training quantization',
      'speech recognition',
    ]);
    expect(fake.chatRequests()).toHaveLength(1);
    expect(resolver.llmCalls()).toBe(1);
    expect(mapping.get('image transformers')).toBe('vision transformers');
    expect(mapping.get('post-training quantization')).toBe('quantization');
    expect(mapping.get('model compression')).toBe('model compression');
    expect(
      decisions
        .filter((d) => d.via === 'llm')
        .map((d) => d.tag)
        .sort(),
    ).toEqual(['image transformers', 'post-training quantization']);
    expect(vocabulary.lookup('image transformers')?.name).toBe('vision transformers');
  });

  it('keeps ambiguous tags new when the LLM call fails', async () => {
    const { client } = setUpLlm({ baseUrl: `${fake.url}/v1`, stateDir: tempDir(), maxRetries: 0 });
    fake.onChat(() => ({ error: { status: 400, message: 'bad request' } }));
    const vocabulary = createVocabulary([{ name: 'quantization', aliases: [] }]);
    const resolver = createTagResolver(
      { vocabulary, embed, llm: client, mergePrompt: await loadPrompt('tag-merge'), logger: silentLogger() },
      { mergeThreshold: 0.9, ambiguousLow: 0.8 },
    );
    const { mapping } = await resolver.resolve(['model compression']);
    expect(mapping.get('model compression')).toBe('model compression');
    expect(vocabulary.names()).toContain('model compression');
  });
});
