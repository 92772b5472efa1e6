/** RFC 8288 `Link` headers as GitHub and the Hugging Face Hub page with them. */

/** `<url>; rel="next", <url>; rel="last"` → { next: url, last: url }. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  for (const part of header.split(/,\s*(?=<)/)) {
    const match = /^<([^>]*)>\s*;(.*)$/.exec(part.trim());
    if (!match) continue;
    const rels = /\brel="?([^";]+)"?/.exec(match[2] ?? '')?.[1] ?? '';
    for (const rel of rels.split(/\s+/).filter(Boolean)) links[rel] = match[1] ?? '';
  }
  return links;
}
