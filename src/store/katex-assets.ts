/**
 * KaTeX's stylesheet with its fonts inlined as data URIs (woff2 only, which every current browser
 * reads), so the HTML digest renders math with no network and no files beside it. Read once from
 * the installed katex package and kept.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: Promise<string> | undefined;

async function build(): Promise<string> {
  const cssFile = createRequire(import.meta.url).resolve('katex/dist/katex.min.css');
  const css = await readFile(cssFile, 'utf8');
  const fonts = new Map<string, string>();
  for (const match of css.matchAll(/url\((fonts\/[^)]+\.woff2)\)/g)) {
    const path = match[1] ?? '';
    if (!fonts.has(path)) fonts.set(path, (await readFile(join(dirname(cssFile), path))).toString('base64'));
  }
  return css.replace(/src:([^;}]*)/g, (_all, sources: string) => {
    const woff2 = /url\((fonts\/[^)]+\.woff2)\)/.exec(sources)?.[1];
    const data = woff2 ? fonts.get(woff2) : undefined;
    return data ? `src:url(data:font/woff2;base64,${data}) format("woff2")` : `src:${sources}`;
  });
}

/** The self-contained KaTeX stylesheet. */
export function katexStylesheet(): Promise<string> {
  cached ??= build();
  return cached;
}
