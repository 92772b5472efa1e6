/**
 * `radar feedback poll`: reads the Feedback property of the Papers pages edited since the last
 * cursor and turns it into labels (source notion). Notion keeps last-edited times to the minute,
 * so the query starts at the cursor's minute and relies on idempotent label writes; the cursor
 * advances only after the labels are written.
 */
import { isFullPage, type PageObjectResponse } from '@notionhq/client';
import type { Logger } from '../../log/logger.ts';
import type { KvStore } from '../../store/kv-store.ts';
import type { LabelChange, LabelsStore } from '../../store/labels-store.ts';
import { PaperId } from '../../store/schemas.ts';
import type { NotionApi } from './notion-client.ts';
import { FEEDBACK_OPTIONS, PAPER_PROPS } from './schema.ts';

export const FEEDBACK_CURSOR_KEY = 'notion.feedback.cursor';

export interface FeedbackPollDeps {
  api: NotionApi;
  labels: LabelsStore;
  kv: KvStore;
  dataSourceId: string;
  logger: Logger;
  now?: () => Date;
  /** Called after new labels are written (retraining and rescoring are wired by the caller). */
  onNewLabels?: (changes: readonly LabelChange[]) => Promise<void>;
}

export interface FeedbackPollResult {
  pages: number;
  changes: LabelChange[];
  /** Rows of labels.csv that changed. */
  newLabels: number;
  cursor: string;
}

export interface PageFeedback {
  id: string;
  label: 1 | -1 | undefined;
  user: string;
  at: string;
}

const minuteFloor = (iso: string): string =>
  new Date(Math.floor(Date.parse(iso) / 60_000) * 60_000).toISOString();

/** A page's arXiv id and Feedback, or undefined for a page that is not a paper. */
export function readPageFeedback(page: PageObjectResponse): PageFeedback | undefined {
  const key = page.properties[PAPER_PROPS.arxivId];
  const text =
    key?.type === 'rich_text'
      ? key.rich_text
          .map((t) => t.plain_text)
          .join('')
          .trim()
      : '';
  const id = PaperId.safeParse(text);
  if (!id.success) return undefined;
  const feedback = page.properties[PAPER_PROPS.feedback];
  const name = feedback?.type === 'select' ? feedback.select?.name : undefined;
  const label = name === FEEDBACK_OPTIONS.positive ? 1 : name === FEEDBACK_OPTIONS.negative ? -1 : undefined;
  return {
    id: id.data,
    label,
    user: page.last_edited_by.id,
    at: new Date(page.last_edited_time).toISOString(),
  };
}

/** Label changes for what the pages say, given the current labels: only real changes, and a cleared Feedback removes only a notion label. */
export function feedbackChanges(
  pages: readonly PageFeedback[],
  current: ReadonlyMap<string, { label: 1 | -1; source: string }>,
): LabelChange[] {
  const changes: LabelChange[] = [];
  for (const page of pages) {
    const existing = current.get(page.id);
    if (page.label === undefined) {
      if (existing?.source === 'notion') changes.push({ kind: 'remove', id: page.id, at: page.at });
    } else if (existing?.label !== page.label) {
      changes.push({
        kind: 'set',
        label: { id: page.id, label: page.label, source: 'notion', user: page.user, at: page.at },
      });
    }
  }
  return changes;
}

async function editedPages(deps: FeedbackPollDeps, since: string | undefined): Promise<PageObjectResponse[]> {
  const pages: PageObjectResponse[] = [];
  let cursor: string | undefined;
  do {
    const start = cursor;
    const response = await deps.api.call('dataSources.query', (client) =>
      client.dataSources.query({
        data_source_id: deps.dataSourceId,
        ...(since
          ? {
              filter: {
                timestamp: 'last_edited_time',
                last_edited_time: { on_or_after: minuteFloor(since) },
              },
            }
          : {}),
        sorts: [{ timestamp: 'last_edited_time', direction: 'ascending' }],
        page_size: 100,
        ...(start ? { start_cursor: start } : {}),
      }),
    );
    for (const result of response.results) if (isFullPage(result)) pages.push(result);
    cursor = response.has_more ? (response.next_cursor ?? undefined) : undefined;
  } while (cursor);
  return pages;
}

export async function pollFeedback(deps: FeedbackPollDeps): Promise<FeedbackPollResult> {
  const startedAt = (deps.now ?? (() => new Date()))().toISOString();
  const stored = await deps.kv.get(FEEDBACK_CURSOR_KEY);
  const since = typeof stored === 'string' ? stored : undefined;
  const pages = await editedPages(deps, since);
  const feedback = pages.flatMap((p) => readPageFeedback(p) ?? []);
  const current = new Map((await deps.labels.readAll()).map((l) => [l.id, l]));
  const changes = feedbackChanges(feedback, current);
  const newLabels = changes.length > 0 ? await deps.labels.apply(changes) : 0;
  await deps.kv.set({ [FEEDBACK_CURSOR_KEY]: startedAt });
  deps.logger.info({ pages: pages.length, newLabels, since }, 'notion feedback polled');
  if (newLabels > 0) await deps.onNewLabels?.(changes);
  return { pages: pages.length, changes, newLabels, cursor: startedAt };
}
