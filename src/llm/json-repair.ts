/**
 * Getting JSON out of a model's answer (pure): the JSON inside a fenced block or surrounding
 * prose, then common faults repaired by jsonrepair — trailing commas, comments, single or
 * smart quotes, unquoted keys, Python literals, raw newlines in strings, and a truncated tail.
 */
import { jsonrepair } from 'jsonrepair';

export type LenientParse = { ok: true; value: unknown; repaired: boolean } | { ok: false; error: string };

const FENCE = /```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)(?:```|$)/;

/** The JSON-looking part of a text: a fenced block's body, else from the first `{`/`[` to the last `}`/`]`. */
export function extractJsonText(text: string): string {
  const fenced = FENCE.exec(text);
  const body = fenced?.[1]?.trim() ? fenced[1] : text;
  const start = body.search(/[{[]/);
  if (start < 0) return body.trim();
  const lastClose = Math.max(body.lastIndexOf('}'), body.lastIndexOf(']'));
  return lastClose > start ? body.slice(start, lastClose + 1) : body.slice(start);
}

/** Rewrites almost-JSON into JSON (trailing commas, comments, single or smart quotes, unquoted keys, Python literals, a truncated tail), through the jsonrepair library. */
export function repairJson(input: string): string {
  return jsonrepair(input.trim());
}

/** JSON.parse on the extracted text; on failure, once more after `repairJson`. */
export function parseJsonLenient(text: string): LenientParse {
  const extracted = extractJsonText(text);
  try {
    return { ok: true, value: JSON.parse(extracted), repaired: false };
  } catch {
    // fall through to the repair
  }
  // Repair only what looks like an object or array: jsonrepair would turn plain prose
  // ("I cannot help with that.") into a JSON string.
  if (!/^[{[]/.test(extracted))
    return { ok: false, error: 'the answer is not JSON: it holds no object or array' };
  try {
    return { ok: true, value: JSON.parse(repairJson(extracted)), repaired: true };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, error: `the answer is not JSON, even after repair (${reason})` };
  }
}
