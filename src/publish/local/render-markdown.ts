/** One paper as a markdown page (pure): LaTeX text macros resolved, math kept as `$…$`. */
import { texToMarkdown } from '../../text/latex/render-tex.ts';
import type { PublishItem } from '../publisher.ts';

function list(title: string, items: readonly string[]): string[] {
  const kept = items.filter((i) => i.trim() !== '');
  return kept.length === 0 ? [] : [`## ${title}`, '', ...kept.map((i) => `- ${texToMarkdown(i)}`), ''];
}

function section(title: string, text: string | undefined): string[] {
  return text ? [`## ${title}`, '', texToMarkdown(text), ''] : [];
}

function summaryLine(summary: NonNullable<PublishItem['summary']>): string {
  if (summary.note) return `**Summary** ${summary.note}`;
  if (summary.source === 'extractive') return '**Summary** extractive (from the abstract, no LLM)';
  return `**Summary** ${summary.model}${summary.textRoute === 'abstract' ? ' — from the abstract only (no full text)' : ''}`;
}

export function renderPaperMarkdown(item: PublishItem): string {
  const { paper, summary, pick } = item;
  const meta = [
    `**arXiv** [${paper.id}](${paper.absUrl}) · [PDF](${paper.pdfUrl})`,
    `**Authors** ${paper.authors.join(', ')}`,
    `**Published** ${paper.published.slice(0, 10)} · **Categories** ${paper.categories.join(', ')}`,
    ...(pick ? [`**Score** ${pick.score.toFixed(3)} (${pick.reason}, ${pick.model})`] : []),
    ...(summary ? [`**Tags** ${summary.tags.join(', ')}`] : []),
    ...(summary ? [summaryLine(summary)] : []),
  ];
  const body = summary
    ? [
        `> **TL;DR** ${texToMarkdown(summary.one_sentence_summary)}`,
        '',
        ...section('Problem', summary.problem_background),
        ...section('Method', summary.method),
        ...section('Experiments', summary.experiment),
        ...list('Key contributions', summary.key_contributions),
        ...list('Datasets and benchmarks', summary.datasets_and_benchmarks),
        ...list('Limitations', summary.limitations),
        ...section('Further thoughts', summary.further_thoughts),
        ...list('Institutions', summary.institutions),
        ...list('Code and data', summary.code_and_data_links),
      ]
    : ['## Abstract', '', texToMarkdown(paper.abstract), ''];
  const related = list(
    'Related papers',
    item.related.map((r) => `${r.relation}: [${texToMarkdown(r.title)}](https://arxiv.org/abs/${r.id})`),
  );
  return `${[`# ${texToMarkdown(paper.title)}`, '', ...meta.map((m) => `${m}  `), '', ...body, ...related]
    .join('\n')
    .trimEnd()}\n`;
}
