/** RFC 8288 `Link` headers, as the Hugging Face Hub and GitHub use them for paging. */

export function formatLinkHeader(links: Record<string, string | undefined>): string | undefined {
  const parts = Object.entries(links).flatMap(([rel, url]) =>
    url === undefined ? [] : [`<${url}>; rel="${rel}"`],
  );
  return parts.length > 0 ? parts.join(', ') : undefined;
}

/** `<url>; rel="next", <url>; rel="last"` → { next: url, last: url }. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  for (const match of (header ?? '').matchAll(/<([^>]*)>\s*;\s*rel="?([^",;]+)"?/g)) {
    const [, url, rel] = match;
    if (url !== undefined && rel !== undefined) links[rel] = url;
  }
  return links;
}
