/**
 * The fake's embeddings: deterministic, L2-normalized vectors built by feature hashing the
 * lowercased words of the input, so texts that share words are closer than texts that do not.
 * Values are rounded to float32 so a base64 answer decodes to exactly the float answer.
 */
import { z } from 'zod';
import type { FakeResponse, RecordedRequest } from './fake-server.ts';
import { estimateTokens, invalidBody, openAIError, openAIOk } from './openai-fake-wire.ts';

export interface EmbeddingOptions {
  /** Vector length when the request has no `dimensions`; default 8. */
  dims: number;
  /** Answer float arrays even when base64 was asked, as some OpenAI-compatible servers do. */
  forceFloat: boolean;
}

const MAX_INPUTS = 2048;

export const embeddingsBodySchema = z.looseObject({
  model: z.string().min(1),
  input: z.union([
    z.string().min(1),
    z.array(z.string().min(1)).min(1).max(MAX_INPUTS),
    z.array(z.number().int()).min(1),
    z.array(z.array(z.number().int()).min(1)).min(1).max(MAX_INPUTS),
  ]),
  encoding_format: z.enum(['float', 'base64']).optional(),
  dimensions: z.number().int().min(1).max(4096).optional(),
  user: z.string().optional(),
});

export type EmbeddingsRequest = z.infer<typeof embeddingsBodySchema>;

function hash32(text: string, seed: number): number {
  let h = 0x811c9dc5 ^ seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function tokenVector(token: string, dims: number): number[] {
  let state = hash32(token, dims);
  return Array.from({ length: dims }, () => {
    // mulberry32: a small, well-mixed PRNG seeded by the token.
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 31 - 1;
  });
}

/** The vector the fake answers for `text`; tests use it to compute expected similarities. */
export function embedText(text: string, dims: number): number[] {
  const tokens = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [text];
  const sum = new Array<number>(dims).fill(0);
  for (const token of tokens) {
    tokenVector(token, dims).forEach((v, i) => {
      sum[i] = (sum[i] ?? 0) + v;
    });
  }
  const norm = Math.hypot(...sum) || 1;
  return sum.map((v) => Math.fround(v / norm));
}

export function toBase64Float32(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => {
    bytes.writeFloatLE(v, i * 4);
  });
  return bytes.toString('base64');
}

function inputsAsText(input: EmbeddingsRequest['input']): string[] {
  if (typeof input === 'string') return [input];
  return input.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)));
}

export function handleEmbeddings(req: RecordedRequest, options: EmbeddingOptions): FakeResponse {
  const parsed = embeddingsBodySchema.safeParse(req.json);
  if (!parsed.success) {
    if (parsed.error.issues.some((issue) => issue.path[0] === 'input')) {
      return openAIError({ status: 400, message: "'$.input' is invalid. Please check the API reference." });
    }
    return invalidBody(parsed.error);
  }
  const body = parsed.data;
  const dims = body.dimensions ?? options.dims;
  const asBase64 = body.encoding_format === 'base64' && !options.forceFloat;
  const texts = inputsAsText(body.input);
  const promptTokens = texts.reduce((sum, text) => sum + estimateTokens(text), 0);
  return openAIOk({
    object: 'list',
    data: texts.map((text, index) => {
      const vector = embedText(text, dims);
      return { object: 'embedding', index, embedding: asBase64 ? toBase64Float32(vector) : vector };
    }),
    model: body.model,
    usage: { prompt_tokens: promptTokens, total_tokens: promptTokens },
  });
}
