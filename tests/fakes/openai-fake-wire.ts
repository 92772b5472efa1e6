/** OpenAI wire-format pieces shared by the fake's routes: the error body, ids and token estimates. */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { FakeResponse } from './fake-server.ts';

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

export interface OpenAIErrorReply {
  status: number;
  message: string;
  type?: string;
  param?: string | null;
  code?: string | null;
}

export function requestIdHeader(): Record<string, string> {
  return { 'x-request-id': `req_${randomBytes(16).toString('hex')}` };
}

export function openAIError(reply: OpenAIErrorReply): FakeResponse {
  const body: OpenAIErrorBody = {
    error: {
      message: reply.message,
      type: reply.type ?? 'invalid_request_error',
      param: reply.param ?? null,
      code: reply.code ?? null,
    },
  };
  return { status: reply.status, headers: requestIdHeader(), body };
}

export function openAIOk(body: unknown): FakeResponse {
  return { status: 200, headers: requestIdHeader(), body };
}

/** The 400 OpenAI answers for a body that does not match the endpoint's schema. */
export function invalidBody(error: z.ZodError): FakeResponse {
  const issue = error.issues[0];
  const param = issue ? issue.path.map(String).join('.') : null;
  const missing = issue?.code === 'invalid_type' && issue.input === undefined;
  return openAIError({
    status: 400,
    message: missing
      ? `Missing required parameter: '${param}'.`
      : `Invalid value for '${param}': ${issue?.message}`,
    param,
    code: missing ? 'missing_required_parameter' : 'invalid_value',
  });
}

/** Rough token count, as the fake has no tokenizer: about four characters per token. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

export function randomId(prefix: string): string {
  return `${prefix}${randomBytes(15).toString('base64url')}`;
}
