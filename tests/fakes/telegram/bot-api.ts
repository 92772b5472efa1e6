/** Bot API envelopes: `{ok:true, result}` and `{ok:false, error_code, description, parameters?}`. */
import { z } from 'zod';
import type { FakeResponse } from '../fake-server.ts';

export interface BotApiError {
  ok: false;
  error_code: number;
  description: string;
  parameters?: { retry_after: number };
}

/** The error body Telegram sends; with `retryAfter`, the 429 "Too Many Requests" shape of the fixture. */
export function botApiError(code: number, description: string, retryAfter?: number): BotApiError {
  const body: BotApiError = { ok: false, error_code: code, description };
  if (retryAfter !== undefined) body.parameters = { retry_after: retryAfter };
  return body;
}

export function tooManyRequests(retryAfter: number): BotApiError {
  return botApiError(429, `Too Many Requests: retry after ${retryAfter}`, retryAfter);
}

export function errorResponse(code: number, description: string, retryAfter?: number): FakeResponse {
  return { status: code, body: botApiError(code, description, retryAfter) };
}

export function badRequest(description: string): FakeResponse {
  return errorResponse(400, `Bad Request: ${description}`);
}

export function okResponse(result: unknown, description?: string): FakeResponse {
  return { body: description === undefined ? { ok: true, result } : { ok: true, result, description } };
}

/** chat_id: an integer (or its string form, as form bodies send it) or a `@channelusername`. */
export const chatIdSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
  z.string().regex(/^@\w+$/),
]);

export const intSchema = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

export const boolSchema = z.union([
  z.boolean(),
  z.enum(['true', 'false']).transform((value) => value === 'true'),
]);
