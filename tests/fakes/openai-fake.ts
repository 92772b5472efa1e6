/**
 * A local OpenAI API: POST /v1/chat/completions, POST /v1/embeddings, GET /v1/models, answering
 * in the real wire format so the real `openai` client can be pointed at it with `baseURL`.
 * Faults (429 + Retry-After, 5xx, slow or malformed answers) come from the base fake server's
 * `inject`; `openAIErrorBody` gives them OpenAI's error shape.
 */
import { type FakeServer, type Handler, type RecordedRequest, startFakeServer } from './fake-server.ts';
import {
  type ChatReply,
  type ChatRequest,
  type ChatResponder,
  chatBodySchema,
  defaultChatReply,
  handleChat,
} from './openai-fake-chat.ts';
import {
  type EmbeddingOptions,
  type EmbeddingsRequest,
  embeddingsBodySchema,
  embedText,
  handleEmbeddings,
} from './openai-fake-embeddings.ts';
import { type OpenAIErrorBody, type OpenAIErrorReply, openAIError, openAIOk } from './openai-fake-wire.ts';

export type {
  ChatReply,
  ChatRequest,
  ChatResponder,
  EmbeddingOptions,
  EmbeddingsRequest,
  OpenAIErrorBody,
  OpenAIErrorReply,
};
export { defaultChatReply };

export interface OpenAIFakeOptions {
  /** When set, only this bearer key is accepted (401 invalid_api_key otherwise); any key by default. */
  apiKey?: string;
  /** Embedding length when a request has no `dimensions`; default 8. */
  embeddingDims?: number;
  /** Answer float arrays even when base64 was asked; default false. */
  forceFloat?: boolean;
  /** Model ids listed by GET /v1/models. */
  models?: string[];
}

export interface OpenAIFake extends FakeServer {
  /** Replaces the chat responder; `defaultChatReply` is the initial one. */
  onChat(responder: ChatResponder): void;
  /** Changes embedding behaviour for the following requests. */
  configureEmbeddings(options: Partial<EmbeddingOptions>): void;
  /** The vector this fake answers for `text` (with the configured dims unless given). */
  embed(text: string, dims?: number): number[];
  /** Valid chat requests received, parsed, in order. */
  chatRequests(): ChatRequest[];
  /** Valid embedding requests received, parsed, in order. */
  embeddingRequests(): EmbeddingsRequest[];
}

const DEFAULT_MODELS = ['gpt-4o-mini', 'gpt-4o-2024-08-06', 'text-embedding-3-small'];

/** OpenAI's error body, for `inject({ fault: { kind: 'status', status, body: openAIErrorBody(...) } })`. */
export function openAIErrorBody(reply: Omit<OpenAIErrorReply, 'status'>): OpenAIErrorBody {
  return {
    error: {
      message: reply.message,
      type: reply.type ?? 'invalid_request_error',
      param: reply.param ?? null,
      code: reply.code ?? null,
    },
  };
}

function authorized(req: RecordedRequest, apiKey: string | undefined): ReturnType<Handler> | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    return openAIError({
      status: 401,
      message:
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
    });
  }
  if (apiKey !== undefined && match[1] !== apiKey) {
    return openAIError({
      status: 401,
      message: `Incorrect API key provided: ${(match[1] ?? '').slice(0, 3)}***. You can find your API key at https://platform.openai.com/account/api-keys.`,
      code: 'invalid_api_key',
    });
  }
  return undefined;
}

function modelObject(id: string) {
  return { id, object: 'model', created: 1_715_367_049, owned_by: 'system' };
}

export async function startOpenAIFake(options: OpenAIFakeOptions = {}): Promise<OpenAIFake> {
  const server = await startFakeServer('openai');
  const embeddingOptions: EmbeddingOptions = {
    dims: options.embeddingDims ?? 8,
    forceFloat: options.forceFloat ?? false,
  };
  const models = options.models ?? DEFAULT_MODELS;
  let responder: ChatResponder = defaultChatReply;

  const guarded =
    (handler: Handler): Handler =>
    (req, params) =>
      authorized(req, options.apiKey) ?? handler(req, params);

  server.route(
    'POST',
    '/v1/chat/completions',
    guarded((req) => handleChat(req, responder)),
  );
  server.route(
    'POST',
    '/v1/embeddings',
    guarded((req) => handleEmbeddings(req, embeddingOptions)),
  );
  server.route(
    'GET',
    '/v1/models',
    guarded(() => openAIOk({ object: 'list', data: models.map(modelObject) })),
  );
  server.route(
    'GET',
    '/v1/models/:model',
    guarded((_req, params) => {
      const id = params.model ?? '';
      if (models.includes(id)) return openAIOk(modelObject(id));
      return openAIError({
        status: 404,
        message: `The model '${id}' does not exist`,
        param: 'model',
        code: 'model_not_found',
      });
    }),
  );
  server.route('*', '/*', (req) =>
    openAIError({ status: 404, message: `Invalid URL (${req.method} ${req.path})` }),
  );

  const parsedBodies = <T>(path: string, parse: (json: unknown) => { success: boolean; data?: T }) =>
    server.requestsTo(path, 'POST').flatMap((req) => {
      const result = parse(req.json);
      return result.success && result.data !== undefined ? [result.data] : [];
    });

  return Object.assign(server, {
    onChat(next: ChatResponder) {
      responder = next;
    },
    configureEmbeddings(next: Partial<EmbeddingOptions>) {
      Object.assign(embeddingOptions, next);
    },
    embed(text: string, dims?: number) {
      return embedText(text, dims ?? embeddingOptions.dims);
    },
    chatRequests: () => parsedBodies('/v1/chat/completions', (json) => chatBodySchema.safeParse(json)),
    embeddingRequests: () => parsedBodies('/v1/embeddings', (json) => embeddingsBodySchema.safeParse(json)),
  });
}
