/**
 * LiveBench serves one table per release, `table_<YYYY_MM_DD>.csv` with `categories_<…>.json`,
 * and no "latest" file: the site's app (src/App.js) starts on the newest release with
 * `useState('2026-01-08')`. The radar reads that date the way a browser gets it: index.html
 * names the bundle (`static/js/main.<hash>.js`), whose first `useState("YYYY-MM-DD")` is it.
 */
import { RadarError } from '../../../core/errors.ts';

export function bundlePath(indexHtml: string): string | undefined {
  return /<script[^>]*\bsrc="([^"]*static\/js\/main\.[0-9a-f]+\.js)"/i.exec(indexHtml)?.[1];
}

export function releaseDate(bundle: string): string | undefined {
  return /useState\)?\(\s*["'](\d{4}-\d{2}-\d{2})["']\s*\)/.exec(bundle)?.[1];
}

/** `2026-01-08` → `2026_01_08`, the files' spelling. */
export function releaseStem(date: string): string {
  return date.replaceAll('-', '_');
}

export class LiveBenchReleaseError extends RadarError {}
