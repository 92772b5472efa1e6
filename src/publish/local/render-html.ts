/**
 * The day's digest as one self-contained, readable HTML page (pure): math rendered by KaTeX
 * (its stylesheet, fonts inlined, is passed in), what the score means and why each paper was
 * picked, the day's counts, and where a summary came from.
 */
import type { StoredSummary } from '../../core/summary.ts';
import { escapeHtml, hasMath, texToHtml } from '../../text/latex/render-tex.ts';
import type { DayCounts, PublishItem } from '../publisher.ts';
import { DIGEST_STYLE } from './digest-style.ts';

export { escapeHtml };

export interface DigestHtmlOptions {
  /** The day's counts (collected, candidates), when the run knows them. */
  counts?: DayCounts | undefined;
  /** KaTeX's stylesheet (fonts inlined); included when some text has math. */
  mathCss?: string | undefined;
}

interface Ranked {
  item: PublishItem;
  /** Rank by score among the day's top picks (top picks are the highest-scored candidates). */
  topRank: number | undefined;
}

function rankItems(items: readonly PublishItem[]): Ranked[] {
  const tops = items
    .filter((i) => i.pick?.reason === 'top')
    .sort((a, b) => (b.pick?.score ?? 0) - (a.pick?.score ?? 0));
  return items.map((item) => {
    const at = tops.indexOf(item);
    return { item, topRank: at < 0 ? undefined : at + 1 };
  });
}

function pickLine(ranked: Ranked, counts: DayCounts | undefined): string {
  const pick = ranked.item.pick;
  if (!pick) return '';
  const of =
    counts?.candidates !== undefined ? ` of ${counts.candidates} candidates` : ' among today’s papers';
  const why =
    pick.reason === 'top'
      ? `top pick: rank ${ranked.topRank ?? '?'} by score${of}`
      : 'explore pick: the classifier is unsure about it, so your reaction teaches it most';
  return ` · <span class="score" title="the preference classifier's probability that you will like it">score ${pick.score.toFixed(3)}</span> <span class="pick ${pick.reason}">${pick.reason}</span> <span class="why">${escapeHtml(why)}</span>`;
}

function summaryNote(summary: StoredSummary | undefined): string {
  if (!summary) return '<p class="note">Not summarized yet: the abstract is shown.</p>';
  if (summary.note) return `<p class="note">${escapeHtml(capitalize(summary.note))}</p>`;
  if (summary.source === 'extractive')
    return '<p class="note">Extractive summary from the abstract (no LLM configured).</p>';
  if (summary.textRoute === 'abstract')
    return '<p class="note">Summarized from the abstract only: no full text was available.</p>';
  return '';
}

const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

function field(title: string, text: string): string {
  return text.trim() === '' ? '' : `<h3>${title}</h3><p>${texToHtml(text)}</p>`;
}

function listField(title: string, items: readonly string[]): string {
  const kept = items.filter((i) => i.trim() !== '');
  return kept.length === 0
    ? ''
    : `<h3>${title}</h3><ul>${kept.map((i) => `<li>${texToHtml(i)}</li>`).join('')}</ul>`;
}

function details(summary: StoredSummary | undefined, abstract: string): string {
  const body = summary
    ? [
        field('Problem', summary.problem_background),
        field('Method', summary.method),
        field('Results', summary.experiment),
        listField('Key contributions', summary.key_contributions),
        listField('Limitations', summary.limitations),
      ].join('')
    : '';
  return `${body ? `<details><summary>Problem, method and results</summary>${body}</details>` : ''}<details><summary>Abstract</summary><p>${texToHtml(abstract)}</p></details>`;
}

function card(ranked: Ranked, index: number, counts: DayCounts | undefined): string {
  const { paper, summary } = ranked.item;
  const tags = (summary?.tags ?? []).map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('');
  const tldr = summary?.one_sentence_summary ?? paper.abstract.split(/(?<=\.)\s/)[0] ?? '';
  const code = summary?.code_and_data_links[0];
  const authors = `${escapeHtml(paper.authors.slice(0, 6).join(', '))}${paper.authors.length > 6 ? ' et al.' : ''}`;
  return `<article id="${escapeHtml(paper.id)}">
<h2>${index}. <a href="${escapeHtml(paper.absUrl)}">${texToHtml(paper.title)}</a></h2>
<div class="meta">${authors} · ${escapeHtml(paper.primaryCategory)} · ${escapeHtml(paper.published.slice(0, 10))}${pickLine(ranked, counts)}</div>
<p class="tldr"><strong>TL;DR</strong> ${texToHtml(tldr)}</p>
<div class="tags">${tags}</div>
<div class="links"><a href="${escapeHtml(paper.absUrl)}">arXiv</a><a href="${escapeHtml(paper.pdfUrl)}">PDF</a>${
    code ? `<a href="${escapeHtml(code)}">Code</a>` : ''
  }</div>${summaryNote(summary)}${details(summary, paper.abstract)}
</article>`;
}

function countsLine(items: readonly PublishItem[], counts: DayCounts | undefined): string {
  const top = items.filter((i) => i.pick?.reason === 'top').length;
  const explore = items.filter((i) => i.pick?.reason === 'explore').length;
  const parts = [
    ...(counts?.collected !== undefined ? [`${counts.collected} collected`] : []),
    ...(counts?.candidates !== undefined ? [`${counts.candidates} candidates`] : []),
    `${items.length} picked (${top} top, ${explore} explore)`,
  ];
  return parts.join(' · ');
}

const EXPLAINER = `<p class="explain"><strong>Score</strong> is the preference classifier's probability (0–1) that you will like a paper, learned from your thumbs-up / thumbs-down reactions (until there are enough of them, the similarity to your seed interests). <strong>Top</strong> picks are today's highest scores; <strong>explore</strong> picks are papers the classifier is unsure about, so a reaction on them teaches it most.</p>`;

function needsMath(items: readonly PublishItem[]): boolean {
  return items.some(({ paper, summary }) =>
    [
      paper.title,
      paper.abstract,
      ...(summary
        ? [
            summary.one_sentence_summary,
            summary.problem_background,
            summary.method,
            summary.experiment,
            ...summary.key_contributions,
            ...summary.limitations,
          ]
        : []),
    ].some(hasMath),
  );
}

export function renderDigestHtml(
  day: string,
  items: readonly PublishItem[],
  options: DigestHtmlOptions = {},
): string {
  const ranked = rankItems(items);
  const cards = ranked.map((r, i) => card(r, i + 1, options.counts)).join('\n');
  const math = options.mathCss && needsMath(items) ? `<style>${options.mathCss}</style>` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Research radar — ${escapeHtml(day)}</title><style>${DIGEST_STYLE}</style>${math}</head>
<body><main>
<header><h1>Research radar — ${escapeHtml(day)}</h1><p class="counts">${countsLine(items, options.counts)}</p>${EXPLAINER}</header>
${cards || '<p>No papers were picked today.</p>'}
</main></body></html>
`;
}
