/** Reads a recorded payload from tests/fixtures; callers validate the shape they rely on. */
import { readFileSync } from 'node:fs';

export function readFixture(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8'));
}
