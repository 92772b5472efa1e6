/** The publish port: Notion and the local markdown/HTML output both implement it. */
import type { StoredSummary } from '../core/summary.ts';
import type { Paper } from '../store/schemas.ts';

export interface PublishItem {
  paper: Paper;
  summary: StoredSummary | undefined;
  pick: { score: number; reason: 'top' | 'explore'; model: string } | undefined;
  related: ReadonlyArray<{ id: string; title: string; relation: string }>;
}

export type PublishResult =
  | { id: string; ok: true; location: string }
  | { id: string; ok: false; error: string };

/** The day's counts the digest shows, when the run knows them. */
export interface DayCounts {
  /** Papers the day's collect step stored (new or updated). */
  collected?: number;
  /** Papers the ranker scored for the day. */
  candidates?: number;
}

export interface PublishContext {
  counts?: DayCounts | undefined;
}

export interface Publisher {
  readonly name: string;
  /** Publishes the day's items; one failed item never stops the others. */
  publish(
    day: string,
    items: readonly PublishItem[],
    context?: PublishContext,
  ): Promise<{ results: PublishResult[]; outputs: Record<string, string> }>;
}
