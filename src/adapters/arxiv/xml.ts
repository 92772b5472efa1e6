/** The XML reading shared by the Atom and OAI-PMH parsers: validation, one parser setup, text helpers. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { z } from 'zod';
import { ArxivMalformedFeedError } from './errors.ts';

/**
 * Parses XML into plain objects: namespace prefixes dropped (`arxiv:comment` → `comment`),
 * attributes as plain keys, every value kept as a string (ids such as `1412.8323` must not
 * become numbers), numeric and named entities decoded. Throws ArxivMalformedFeedError.
 */
export function parseXml(text: string, arrayTags: readonly string[]): unknown {
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ArxivMalformedFeedError(
      `invalid XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}`,
    );
  }
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    isArray: (name) => arrayTags.includes(name),
  });
  try {
    return parser.parse(text);
  } catch (error) {
    throw new ArxivMalformedFeedError(error instanceof Error ? error.message : String(error));
  }
}

/** Collapses runs of whitespace (newlines, tabs, no-break spaces) into one space and trims. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Optional text with whitespace normalized; empty counts as absent. */
export function cleanOptional(value: string | undefined): string | undefined {
  const text = value === undefined ? '' : normalizeWhitespace(value);
  return text === '' ? undefined : text;
}

/** An element's text: a string, or `#text` when the element also has attributes; empty → ''. */
export const xmlText = z
  .union([z.string(), z.looseObject({ '#text': z.string().optional() })])
  .transform((value) => (typeof value === 'string' ? value : (value['#text'] ?? '')));

/** An integer element such as `opensearch:totalResults`. */
export const xmlInt = xmlText.pipe(z.string().regex(/^\d+$/, 'must be a whole number')).transform(Number);

/** The first zod issue as `path: message`, for error messages. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return `${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`;
}
