/** Calendar days written `YYYY-MM-DD`, checked as real days (no 2026-02-30, which Date.parse accepts). */
import { UsageError } from './errors.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The flag's value when it is a real day; a UsageError naming the flag otherwise. */
export function dayFlag(flag: string, value: string): string {
  if (!isIsoDay(value)) throw new UsageError(`${flag} must be a day as YYYY-MM-DD, got "${value}"`);
  return value;
}
