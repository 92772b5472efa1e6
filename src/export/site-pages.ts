/**
 * The static site of `radar export site`: one markdown page per paper with YAML front matter
 * (title, date, tags, score, links, the summary) as Hugo and Jekyll read it, and an index page.
 * The body is the paper page the local publisher writes, without its title (the front matter
 * carries it and site themes print it).
 */
import { stringify } from 'yaml';
import { renderPaperMarkdown } from '../publish/local/render-markdown.ts';
import type { PublishItem } from '../publish/publisher.ts';

export interface SiteFile {
  /** Relative to the site directory, `/`-separated. */
  path: string;
  content: string;
}

export function pagePath(id: string): string {
  return `posts/${id.replace(/\//g, '_')}.md`;
}

function frontMatter(values: Record<string, unknown>): string {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  return `---\n${stringify(defined, { lineWidth: 0 })}---\n`;
}

export function renderSitePage(item: PublishItem): SiteFile {
  const { paper, summary, pick } = item;
  const body = renderPaperMarkdown(item).replace(/^# .*\n\n?/, '');
  const matter = frontMatter({
    title: paper.title,
    date: paper.published,
    lastmod: paper.updated,
    slug: summary?.slug,
    tags: summary?.tags ?? [],
    categories: paper.categories,
    authors: paper.authors,
    arxiv: paper.id,
    score: pick ? Number(pick.score.toFixed(4)) : undefined,
    links: { abs: paper.absUrl, pdf: paper.pdfUrl },
    summary: summary?.one_sentence_summary,
    tldr: summary?.one_sentence_summary,
    problem: summary?.problem_background || undefined,
    method: summary?.method || undefined,
    experiment: summary?.experiment || undefined,
    further_thoughts: summary?.further_thoughts || undefined,
    institutions: summary && summary.institutions.length > 0 ? summary.institutions : undefined,
  });
  return { path: pagePath(paper.id), content: `${matter}\n${body}` };
}

/** The index: every paper, newest first, with its date, tags and one-line summary. */
export function renderSiteIndex(items: readonly PublishItem[], title: string): SiteFile {
  const sorted = [...items].sort(
    (a, b) => b.paper.published.localeCompare(a.paper.published) || a.paper.id.localeCompare(b.paper.id),
  );
  const lines = sorted.map(({ paper, summary }) => {
    const tags = summary && summary.tags.length > 0 ? ` · ${summary.tags.join(', ')}` : '';
    const tldr = summary ? ` — ${summary.one_sentence_summary}` : '';
    return `- ${paper.published.slice(0, 10)} [${paper.title.replace(/([[\]])/g, '\\$1')}](${pagePath(paper.id)})${tags}${tldr}`;
  });
  const matter = frontMatter({ title, papers: items.length });
  return { path: 'index.md', content: `${matter}\n${lines.join('\n')}\n` };
}
