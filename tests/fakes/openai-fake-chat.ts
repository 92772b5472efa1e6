/** POST /v1/chat/completions for the OpenAI fake: request validation, the programmable reply, the wire shape. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { FakeResponse, RecordedRequest } from './fake-server.ts';
import { sampleFromJsonSchema } from './openai-fake-schema-sample.ts';
import {
  estimateTokens,
  invalidBody,
  type OpenAIErrorReply,
  openAIError,
  openAIOk,
  randomId,
} from './openai-fake-wire.ts';

const contentPartSchema = z.looseObject({ type: z.string(), text: z.string().optional() });

const messageSchema = z.looseObject({
  role: z.enum(['developer', 'system', 'user', 'assistant', 'tool', 'function']),
  content: z.union([z.string(), z.array(contentPartSchema), z.null()]).optional(),
});

const responseFormatSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('text') }),
  z.looseObject({ type: z.literal('json_object') }),
  z.looseObject({
    type: z.literal('json_schema'),
    json_schema: z.looseObject({
      name: z.string().min(1),
      schema: z.unknown().optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

export const chatBodySchema = z.looseObject({
  model: z.string().min(1),
  messages: z.array(messageSchema).min(1),
  response_format: responseFormatSchema.optional(),
  stream: z.boolean().nullish(),
  n: z.number().int().min(1).max(128).nullish(),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
});

/** A chat request as the fake received it (validated; unknown fields are kept). */
export type ChatRequest = z.infer<typeof chatBodySchema>;

/**
 * What a responder answers. With none of `content`, `json` or `refusal` the default reply is used;
 * `latencyMs` delays the answer; `error` answers with an OpenAI error instead.
 */
export interface ChatReply {
  content?: string;
  /** Serialized with JSON.stringify as the message content. */
  json?: unknown;
  refusal?: string;
  finishReason?: 'stop' | 'length' | 'content_filter';
  latencyMs?: number;
  error?: OpenAIErrorReply;
}

export type ChatResponder = (request: ChatRequest) => ChatReply | Promise<ChatReply>;

function messageText(message: ChatRequest['messages'][number]): string {
  const { content } = message;
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => part.text ?? '').join('');
  return '';
}

/** JSON schema → a minimal valid object; json_object → `{}`-like object; otherwise an echo. */
export function defaultChatReply(request: ChatRequest): ChatReply {
  const format = request.response_format;
  if (format?.type === 'json_schema') return { json: sampleFromJsonSchema(format.json_schema.schema) };
  if (format?.type === 'json_object') return { json: { result: 'example' } };
  const lastUser = request.messages.findLast((m) => m.role === 'user');
  const text = lastUser ? messageText(lastUser) : '';
  return { content: `Echo: ${text.slice(0, 200)}` };
}

function resolveReply(request: ChatRequest, reply: ChatReply): ChatReply {
  if (reply.content !== undefined || reply.json !== undefined || reply.refusal !== undefined) return reply;
  return { ...defaultChatReply(request), ...reply };
}

function buildCompletion(request: ChatRequest, reply: ChatReply): ChatCompletion {
  let content = reply.json !== undefined ? JSON.stringify(reply.json) : (reply.content ?? null);
  let finishReason = reply.finishReason ?? 'stop';
  const limit = request.max_completion_tokens ?? request.max_tokens;
  if (content !== null && limit != null && estimateTokens(content) > limit) {
    content = content.slice(0, limit * 4);
    finishReason = 'length';
  }
  const refusal = reply.refusal ?? null;
  if (refusal !== null) content = null;
  const promptTokens = estimateTokens(request.messages.map(messageText).join('\n'));
  const completionTokens = estimateTokens(content ?? refusal ?? '');
  const choices = Array.from({ length: request.n ?? 1 }, (_, index) => ({
    index,
    message: { role: 'assistant' as const, content, refusal, annotations: [] },
    logprobs: null,
    finish_reason: finishReason,
  }));
  return {
    id: randomId('chatcmpl-'),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: request.model,
    choices,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
    service_tier: 'default',
    system_fingerprint: 'fp_fake',
  };
}

export async function handleChat(req: RecordedRequest, responder: ChatResponder): Promise<FakeResponse> {
  const parsed = chatBodySchema.safeParse(req.json);
  if (!parsed.success) return invalidBody(parsed.error);
  const request = parsed.data;
  if (request.stream === true) {
    return openAIError({
      status: 400,
      message: 'Streaming is not supported by this fake server; send stream: false.',
      param: 'stream',
      code: 'unsupported_value',
    });
  }
  const reply = resolveReply(request, await responder(request));
  if (reply.latencyMs !== undefined && reply.latencyMs > 0) await sleep(reply.latencyMs);
  if (reply.error) return openAIError(reply.error);
  return openAIOk(buildCompletion(request, reply));
}
