/** Text escaping shared by the arXiv fake's XML and HTML renderers. */

// Characters XML 1.0 forbids even when escaped; arXiv strips them too.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly what must go
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

export function escapeXml(text: string): string {
  return text.replace(INVALID_XML, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeXml(text).replace(/"/g, '&quot;');
}

/** `2026-05-04T13:07:21.000Z` → `2026-05-04T13:07:21Z`, the form arXiv's feeds use. */
export function isoSeconds(value: string | number | Date): string {
  return new Date(value).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
