/**
 * Reads the parameters of an API call the way Telegram and Slack do: query string, then a JSON
 * object body or an `application/x-www-form-urlencoded` body. In form bodies, nested values
 * (reply_markup, blocks, allowed_updates) arrive as JSON strings, so values that look like JSON
 * objects or arrays are decoded.
 */
import type { RecordedRequest } from './fake-server.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function decodeFormValue(value: string): unknown {
  const trimmed = value.trim();
  if (!(trimmed.startsWith('{') || trimmed.startsWith('['))) return value;
  try {
    const parsed: unknown = JSON.parse(trimmed);
    return parsed;
  } catch {
    return value;
  }
}

function formEntries(params: URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of params) out[key] = decodeFormValue(value);
  return out;
}

export function requestParams(req: RecordedRequest): Record<string, unknown> {
  const fromQuery = formEntries(req.query);
  if (isRecord(req.json)) return { ...fromQuery, ...req.json };
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.includes('application/x-www-form-urlencoded') && req.text.length > 0) {
    return { ...fromQuery, ...formEntries(new URLSearchParams(req.text)) };
  }
  return fromQuery;
}
