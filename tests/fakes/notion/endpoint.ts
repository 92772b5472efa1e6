/** How the Notion fake's endpoints are registered: guards first, bodies parsed with zod, errors in Notion's shape. */
import type { z } from 'zod';
import type { FakeResponse, FakeServer, RecordedRequest } from '../fake-server.ts';
import type { Guards } from './guards.ts';
import { errorResponse, NotionApiError, okResponse, validationError } from './wire.ts';

export type Endpoint = (req: RecordedRequest, params: Record<string, string>) => Record<string, unknown>;
export type AddEndpoint = (method: string, path: string, endpoint: Endpoint) => void;

export function createEndpointAdder(server: FakeServer, guards: Guards): AddEndpoint {
  return (method, path, endpoint) =>
    server.route(method, path, (req, params): FakeResponse => {
      const refused = guards.check(req);
      if (refused) return refused;
      try {
        return okResponse(endpoint(req, params));
      } catch (error) {
        if (error instanceof NotionApiError) return errorResponse(error);
        throw error;
      }
    });
}

export function parseBody<T>(schema: z.ZodType<T>, req: RecordedRequest): T {
  const result = schema.safeParse(req.json ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = ['body', ...(issue?.path.map(String) ?? [])].join('.');
  throw validationError(`body failed validation: ${path} ${issue?.message ?? 'is invalid'}.`);
}
