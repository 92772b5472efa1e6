/** The day's digest as one self-contained, readable HTML page (pure). */
import type { PublishItem } from '../publisher.ts';

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

const STYLE = `
body{font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
main{max-width:860px;margin:0 auto;padding:32px 20px 64px}
header h1{font-size:28px;margin:0 0 4px}header p{color:#5b6475;margin:0 0 24px}
article{background:#fff;border:1px solid #e2e5ea;border-radius:10px;padding:18px 22px;margin:0 0 16px}
article h2{font-size:19px;margin:0 0 6px;line-height:1.35}article h2 a{color:#1d2330;text-decoration:none}
.meta{color:#5b6475;font-size:13.5px;margin-bottom:10px}
.tldr{margin:8px 0 10px}.tags{display:flex;flex-wrap:wrap;gap:6px;margin:8px 0}
.tag{background:#eef2ff;color:#3446a8;border-radius:999px;padding:2px 10px;font-size:12.5px}
.pick{display:inline-block;border-radius:6px;padding:1px 8px;font-size:12.5px;font-weight:600}
.pick.top{background:#e6f6ec;color:#1d7a3e}.pick.explore{background:#fff4e0;color:#9a5b00}
.links a{margin-right:14px;font-size:14px}.note{color:#8a6d00;font-size:13px}
details{margin-top:8px}summary{cursor:pointer;color:#3446a8;font-size:14px}
`;

function card(item: PublishItem, rank: number): string {
  const { paper, summary, pick } = item;
  const tags = (summary?.tags ?? []).map((t) => `<span class="tag">${escapeHtml(t)}</span>`).join('');
  const tldr = summary?.one_sentence_summary ?? paper.abstract.split(/(?<=\.)\s/)[0] ?? '';
  const code = summary?.code_and_data_links[0];
  const note =
    summary?.source === 'extractive'
      ? '<p class="note">Extractive summary from the abstract (no LLM configured).</p>'
      : summary?.textRoute === 'abstract'
        ? '<p class="note">Summarized from the abstract only: no full text was available.</p>'
        : '';
  const details = summary
    ? `<details><summary>Method and results</summary><p>${escapeHtml(summary.method)}</p><p>${escapeHtml(summary.experiment)}</p></details>`
    : '';
  return `<article id="${escapeHtml(paper.id)}">
<h2>${rank}. <a href="${escapeHtml(paper.absUrl)}">${escapeHtml(paper.title)}</a></h2>
<div class="meta">${escapeHtml(paper.authors.slice(0, 6).join(', '))}${paper.authors.length > 6 ? ' et al.' : ''} · ${escapeHtml(paper.primaryCategory)} · ${escapeHtml(paper.published.slice(0, 10))}${
    pick ? ` · score ${pick.score.toFixed(3)} <span class="pick ${pick.reason}">${pick.reason}</span>` : ''
  }</div>
<p class="tldr"><strong>TL;DR</strong> ${escapeHtml(tldr)}</p>
<div class="tags">${tags}</div>
<div class="links"><a href="${escapeHtml(paper.absUrl)}">arXiv</a><a href="${escapeHtml(paper.pdfUrl)}">PDF</a>${
    code ? `<a href="${escapeHtml(code)}">Code</a>` : ''
  }</div>${note}${details}
</article>`;
}

export function renderDigestHtml(day: string, items: readonly PublishItem[]): string {
  const cards = items.map((item, i) => card(item, i + 1)).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Research radar — ${escapeHtml(day)}</title><style>${STYLE}</style></head>
<body><main>
<header><h1>Research radar — ${escapeHtml(day)}</h1><p>${items.length} papers picked for you.</p></header>
${cards || '<p>No papers were picked today.</p>'}
</main></body></html>
`;
}
