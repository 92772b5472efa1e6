import { describe, expect, it } from 'vitest';
import { coldStartScores } from './cold-start.ts';

/** A toy bag-of-words embedder over a fixed vocabulary: enough to tell topics apart. */
const vocabulary = ['inference', 'serving', 'latency', 'protein', 'folding', 'galaxy', 'retrieval'];
async function embed(texts: readonly string[]): Promise<Float32Array[]> {
  return texts.map((text) =>
    Float32Array.from(vocabulary, (word) => (text.toLowerCase().includes(word) ? 1 : 0)),
  );
}

describe('coldStartScores', () => {
  it('ranks a paper that matches a seed interest above unrelated ones', async () => {
    const papers = [
      'Protein folding with diffusion',
      'Low latency serving and inference of LLMs',
      'Galaxy surveys',
    ];
    const vectors = await embed(papers);
    const data = new Float32Array(vectors.length * vocabulary.length);
    vectors.forEach((v, i) => {
      data.set(v, i * vocabulary.length);
    });
    const scores = await coldStartScores(
      { ids: ['a', 'b', 'c'], dims: vocabulary.length, data },
      ['efficient inference and serving', 'dense retrieval'],
      embed,
    );
    expect(scores[1]).toBeGreaterThan(0.7);
    expect(scores[1]).toBeGreaterThan(scores[0] ?? 1);
    expect(scores[1]).toBeGreaterThan(scores[2] ?? 1);
  });
});
