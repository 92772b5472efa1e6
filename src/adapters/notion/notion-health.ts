/**
 * Whether Notion can be used at all: the token (users/me) and whether the service is down. A run
 * probes once before publishing and stops after two papers in a row fail because the service is
 * down — instead of spending every paper's retries (~45 s each) on a service that is gone.
 */
import { type NotionApi, NotionError } from './notion-client.ts';

export const TOKEN_REFUSED = 'the Notion token was refused';

export type NotionHealth =
  | { ok: true; integration: string }
  | { ok: false; refused: boolean; reason: string };

export function isTokenRefused(error: unknown): boolean {
  return error instanceof NotionError && error.status === 401;
}

/** The service did not answer, or answered 5xx / 429 after every retry. */
export function isServiceDown(error: unknown): boolean {
  return (
    error instanceof NotionError &&
    (error.status === undefined || error.status >= 500 || error.status === 429)
  );
}

export function describeFailure(error: unknown): { refused: boolean; reason: string } {
  if (isTokenRefused(error) && error instanceof NotionError) {
    return { refused: true, reason: `${TOKEN_REFUSED} (401 ${error.code}): check NOTION_TOKEN` };
  }
  return { refused: false, reason: error instanceof Error ? error.message : String(error) };
}

export async function checkNotion(api: NotionApi): Promise<NotionHealth> {
  try {
    const me = await api.call('users.me', (client) => client.users.me({}));
    return { ok: true, integration: me.name ?? me.id };
  } catch (error) {
    return { ok: false, ...describeFailure(error) };
  }
}

/**
 * Opens after `threshold` papers in a row failed because the service is down (or when tripped by
 * the probe); stays open for the run. `open()` is the reason each remaining paper fails with.
 */
export function createCircuitBreaker(threshold = 2) {
  let inRow = 0;
  let openReason: string | undefined;
  return {
    open: (): string | undefined => openReason,
    trip(reason: string): void {
      openReason = reason;
    },
    record(error: unknown | undefined): void {
      if (error === undefined || !isServiceDown(error)) {
        inRow = 0;
        return;
      }
      inRow += 1;
      if (inRow >= threshold) openReason = `not tried: Notion looks down (${describeFailure(error).reason})`;
    },
  };
}
