/**
 * The one builder of a digest item from a publish item (paper, summary, pick): the pipeline's
 * notify step and the bot's `/digest` both use it, so the chats see the same tldr, tags, code
 * link and Notion link whichever sent it.
 */
import { PAPERS_DATABASE } from '../adapters/notion/schema.ts';
import { notionPageUrl } from '../core/notion-url.ts';
import type { StoredSummary } from '../core/summary.ts';
import type { PublishItem } from '../publish/publisher.ts';
import type { NotionMap } from '../store/schemas.ts';
import { texToText } from '../text/latex/render-tex.ts';
import type { DigestItem } from './chat-adapter.ts';

const CODE_HOSTS = new Set(['github.com', 'gitlab.com', 'huggingface.co']);

/** The first link to a code host (GitHub, GitLab, Hugging Face) among the summary's links. */
export function codeLinkOf(summary: Pick<StoredSummary, 'code_and_data_links'>): string | undefined {
  return summary.code_and_data_links.find((link) => {
    try {
      const url = new URL(link);
      return url.protocol === 'https:' && CODE_HOSTS.has(url.hostname.replace(/^www\./, ''));
    } catch {
      return false;
    }
  });
}

/** The first sentences of an abstract, at most `max` characters. */
export function firstSentences(abstract: string, max = 280): string {
  const clean = abstract.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const stop = cut.lastIndexOf('. ');
  return stop > 80 ? cut.slice(0, stop + 1) : `${cut.trimEnd()}…`;
}

/** Paper id → its Notion page URL, for the papers the Notion publisher has written. */
export function paperPageUrls(map: NotionMap): Map<string, string> {
  const pages = map.pages[PAPERS_DATABASE.name] ?? {};
  return new Map(Object.entries(pages).map(([id, pageId]) => [id, notionPageUrl(pageId)]));
}

export function toDigestItem(item: PublishItem, notionUrl?: string): DigestItem {
  const { paper, summary, pick } = item;
  const code = summary ? codeLinkOf(summary) : undefined;
  return {
    paperId: paper.id,
    // Chat shows text: LaTeX macros resolved, math as Unicode where it has a form.
    title: texToText(paper.title),
    tldr: texToText(summary?.one_sentence_summary ?? firstSentences(paper.abstract)),
    tags: summary?.tags ?? paper.categories,
    score: pick?.score ?? 0,
    reason: pick?.reason ?? 'top',
    reasonText:
      pick?.reason === 'explore' ? 'the classifier is unsure: your label teaches it most' : 'top score',
    links: {
      abs: paper.absUrl,
      pdf: paper.pdfUrl,
      ...(code ? { code } : {}),
      ...(notionUrl ? { notion: notionUrl } : {}),
    },
  };
}
