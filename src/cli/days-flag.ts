/** `--days N` of the list commands: a positive whole number, 7 when not given. */
import { UsageError } from '../core/errors.ts';

export function parseDaysFlag(raw: string | undefined): number {
  const days = Number(raw ?? '7');
  if (!Number.isInteger(days) || days < 1)
    throw new UsageError(`--days must be a positive whole number, got "${raw}"`);
  return days;
}
