/** Workspace-level endpoints of the Notion fake: users and search. */
import { z } from 'zod';
import { type AddEndpoint, parseBody } from './endpoint.ts';
import { comparableText } from './properties.ts';
import { BOT_USER_ID, PERSON_USER_ID } from './records.ts';
import type { Renderer } from './render.ts';
import type { NotionStore } from './store.ts';
import { listResponse, paginate } from './wire.ts';

const searchBody = z.looseObject({
  query: z.string().optional(),
  filter: z.looseObject({ property: z.literal('object'), value: z.enum(['page', 'data_source']) }).optional(),
  sort: z
    .looseObject({ timestamp: z.literal('last_edited_time'), direction: z.enum(['ascending', 'descending']) })
    .optional(),
  start_cursor: z.string().nullish(),
  page_size: z.number().int().optional(),
});

export function registerWorkspaceRoutes(
  add: AddEndpoint,
  deps: { store: NotionStore; render: Renderer },
): void {
  const { store, render } = deps;
  const bot = {
    object: 'user',
    id: BOT_USER_ID,
    name: 'research-radar',
    avatar_url: null,
    type: 'bot',
    bot: {
      owner: { type: 'workspace', workspace: true },
      workspace_name: 'Research Radar',
      workspace_id: '231674b6-2cc1-46bc-b742-c5c9fe4b9c73',
      workspace_limits: { max_file_upload_size_in_bytes: 5_242_880 },
    },
  };
  const person = {
    object: 'user',
    id: PERSON_USER_ID,
    name: 'Radar Owner',
    avatar_url: null,
    type: 'person',
    person: { email: 'owner@example.com' },
  };
  add('GET', '/v1/users/me', () => bot);
  add('GET', '/v1/users', () => listResponse('user', { results: [person, bot], nextCursor: null }));

  add('POST', '/v1/search', (req) => {
    const body = parseBody(searchBody, req);
    const query = (body.query ?? '').toLowerCase();
    const pages = [...store.pages.values()]
      .filter((p) => !p.inTrash)
      .map((p) => {
        const title = store.schemaOf(p).find((s) => s.type === 'title');
        const text = title ? comparableText(title, p.values.get(title.id)) : '';
        return { id: p.id, text, edited: p.lastEditedTime, render: () => render.page(p) };
      });
    const sources = [...store.dataSources.values()]
      .filter((s) => !s.inTrash)
      .map((s) => ({
        id: s.id,
        text: s.title.map((t) => t.plain_text).join(''),
        edited: s.lastEditedTime,
        render: () => render.dataSource(s),
      }));
    const kind = body.filter?.value;
    const direction = body.sort?.direction === 'ascending' ? 1 : -1;
    const hits = [...(kind === 'data_source' ? [] : pages), ...(kind === 'page' ? [] : sources)]
      .filter((hit) => hit.text.toLowerCase().includes(query))
      .sort((a, b) => (a.edited - b.edited) * direction);
    const page = paginate(hits, { startCursor: body.start_cursor, pageSize: body.page_size, where: 'body' });
    return listResponse('page_or_data_source', {
      results: page.results.map((hit) => hit.render()),
      nextCursor: page.nextCursor,
    });
  });
}
