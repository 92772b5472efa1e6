/**
 * Publishes a saved report (profile, trends) to Notion once: when NOTION_TOKEN and
 * `notion.parentPageId` are set and the report has no page yet, creates the page and records
 * its URL in the saved report. Returns the URL, or why nothing was published.
 */

import type { Secrets } from '../../config/env.ts';
import type { RadarConfig } from '../../config/schema.ts';
import { errorMessage } from '../../core/errors.ts';
import type { Logger } from '../../log/logger.ts';
import type { DatedJsonStore } from '../../store/dated-json-store.ts';
import { notionApiFromConfig } from './notion-setup.ts';
import { createReportPage } from './report-page.ts';

export type ReportPublish = { url: string } | { skipped: string };

export async function publishReportOnce<T extends { notionUrl: string | null }>(
  deps: { config: RadarConfig; secrets: Secrets; logger: Logger },
  store: DatedJsonStore<T>,
  report: { day: string; value: T; title: string; markdown: string },
): Promise<ReportPublish> {
  if (report.value.notionUrl) return { url: report.value.notionUrl };
  const parent = deps.config.notion.parentPageId;
  const api = notionApiFromConfig(deps.config, deps.secrets.NOTION_TOKEN, deps.logger);
  if (!api) return { skipped: 'NOTION_TOKEN is not set' };
  if (!parent) return { skipped: 'notion.parentPageId is not set in the config' };
  try {
    const url = await createReportPage(api, parent, report.title, report.markdown);
    await store.write(report.day, { ...report.value, notionUrl: url });
    return { url };
  } catch (error) {
    deps.logger.warn({ error: errorMessage(error) }, 'publishing the report to Notion failed');
    return { skipped: `Notion failed: ${errorMessage(error)}` };
  }
}
