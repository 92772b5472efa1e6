/** One paper as a markdown page (pure). */
import type { PublishItem } from '../publisher.ts';

function list(title: string, items: readonly string[]): string[] {
  return items.length === 0 ? [] : [`## ${title}`, '', ...items.map((i) => `- ${i}`), ''];
}

function section(title: string, text: string | undefined): string[] {
  return text ? [`## ${title}`, '', text, ''] : [];
}

export function renderPaperMarkdown(item: PublishItem): string {
  const { paper, summary, pick } = item;
  const meta = [
    `**arXiv** [${paper.id}](${paper.absUrl}) · [PDF](${paper.pdfUrl})`,
    `**Authors** ${paper.authors.join(', ')}`,
    `**Published** ${paper.published.slice(0, 10)} · **Categories** ${paper.categories.join(', ')}`,
    ...(pick ? [`**Score** ${pick.score.toFixed(3)} (${pick.reason}, ${pick.model})`] : []),
    ...(summary ? [`**Tags** ${summary.tags.join(', ')}`] : []),
    ...(summary
      ? [
          `**Summary** ${summary.source === 'extractive' ? 'extractive (from the abstract, no LLM)' : summary.model}${summary.textRoute === 'abstract' && summary.source === 'llm' ? ' — from the abstract only (no full text)' : ''}`,
        ]
      : []),
  ];
  const body = summary
    ? [
        `> **TL;DR** ${summary.one_sentence_summary}`,
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
    : ['## Abstract', '', paper.abstract, ''];
  const related = list(
    'Related papers',
    item.related.map((r) => `${r.relation}: [${r.title}](https://arxiv.org/abs/${r.id})`),
  );
  return (
    [`# ${paper.title}`, '', ...meta.map((m) => `${m}  `), '', ...body, ...related].join('\n').trimEnd() +
    '\n'
  );
}
