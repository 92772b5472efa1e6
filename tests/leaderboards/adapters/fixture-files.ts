/** The fixtures as the adapters receive them: raw bytes by URL. */
import { readdirSync, readFileSync } from 'node:fs';

const DIR = new URL('../../fixtures/leaderboards/', import.meta.url);

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, DIR)));
}

/** One file per URL, e.g. `files(['https://h/results.json', 'evalplus_results_TRIMMED.json'])`. */
export function files(...pairs: Array<[string, string]>): Map<string, Uint8Array> {
  return new Map(pairs.map(([url, name]) => [url, fixtureBytes(name)]));
}

export function historyFiles(board: string): Array<{ name: string; bytes: Uint8Array }> {
  const dir = new URL(`history/${board}/`, DIR);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) }));
}
