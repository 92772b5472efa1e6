/**
 * The Hub client's failures as the app's errors: one line that says what to do, with the status,
 * never the token (the Hub's own message may quote it: it is cut out here, and again at output).
 */
import { HubApiError, InvalidApiResponseFormatError } from '@huggingface/hub';
import { RadarError, UsageError } from '../../core/errors.ts';
import { redactText } from '../../log/redact.ts';
import { RemoteMovedError } from '../../sync/sync-errors.ts';

interface HubErrorContext {
  operation: string;
  repo: string;
  branch: string;
  endpoint: string;
  token: string;
}

function clean(text: string, token: string): string {
  return redactText(text, [token])
    .replace(/\s*URL: \S+/g, '')
    .replace(/\.\s*$/, '');
}

export function hubError(error: unknown, ctx: HubErrorContext): RadarError {
  if (error instanceof RadarError) return error;
  const where = `${ctx.operation} (datasets/${ctx.repo}, branch ${ctx.branch})`;
  if (error instanceof HubApiError) {
    const message = clean(error.message, ctx.token);
    const status = error.statusCode;
    if (status === 401 || status === 403)
      return new UsageError(
        `${where}: the Hub refused the token (${status}): HF_TOKEN must be a token with write access to datasets/${ctx.repo}`,
      );
    if (status === 404)
      return new UsageError(
        /\brev\b|revision|branch/i.test(message)
          ? `${where}: the branch ${ctx.branch} does not exist on datasets/${ctx.repo} (404); create it or set sync.branch`
          : `${where}: datasets/${ctx.repo} does not exist at ${ctx.endpoint}, or the token cannot see it (404); create the dataset (private) first`,
      );
    if (status === 409 || status === 412)
      return new RemoteMovedError(
        `${where}: the remote branch moved while pushing (${status}: ${message}); nothing was committed, push again`,
      );
    return new RadarError(`${where}: the Hub answered ${status}: ${message}`);
  }
  if (error instanceof InvalidApiResponseFormatError || error instanceof SyntaxError)
    return new RadarError(`${where}: malformed answer from the Hub: ${clean(error.message, ctx.token)}`);
  if (error instanceof TypeError && /token must start with/i.test(error.message))
    return new UsageError('HF_TOKEN is not a Hugging Face token (they start with hf_)');
  const reason =
    error instanceof Error
      ? error.cause instanceof Error
        ? error.cause.message
        : error.message
      : String(error);
  return new RadarError(
    `${where}: failed talking to the Hub at ${ctx.endpoint}: ${clean(reason, ctx.token)}`,
  );
}
