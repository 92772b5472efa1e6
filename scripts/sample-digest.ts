/**
 * Writes the HTML digest of the bundled sample's papers that carry LaTeX (titles or abstracts),
 * with their extractive summaries, to look at math rendering in a browser:
 *   npx tsx scripts/sample-digest.ts [out.html]   (then scripts/screenshot-digest.sh out.html)
 */
import { writeFileSync } from 'node:fs';
import { extractiveSummary } from '../src/digest/extractive-summary.ts';
import { createPaperKeyphrases } from '../src/digest/paper-keyphrases.ts';
import { loadBundledSample } from '../src/papers/bundled-sample.ts';
import { renderDigestHtml } from '../src/publish/local/render-html.ts';
import type { PublishItem } from '../src/publish/publisher.ts';
import { katexStylesheet } from '../src/store/katex-assets.ts';

const out = process.argv[2] ?? 'sample-digest.html';
const papers = await loadBundledSample();
const keyphrases = createPaperKeyphrases(papers);
const latex = papers.filter((p) => /\\[A-Za-z]+|\$[^$\s][^$]*\$/.test(`${p.title} ${p.abstract}`));
const items = latex.map(
  (paper, i): PublishItem => ({
    paper,
    summary: {
      ...extractiveSummary(paper, { keyphrases: keyphrases.of(paper) }),
      id: paper.id,
      model: 'extractive',
      promptHash: 'sample',
      source: 'extractive',
      textRoute: 'abstract',
      at: new Date(0).toISOString(),
    },
    pick: { score: 1 - i / 100, reason: i % 5 === 4 ? 'explore' : 'top', model: 'sample' },
    related: [],
  }),
);
writeFileSync(
  out,
  renderDigestHtml('bundled sample, papers with LaTeX', items, {
    mathCss: await katexStylesheet(),
    counts: { collected: papers.length, candidates: papers.length },
  }),
);
console.log(`${out}: ${items.length} papers with LaTeX`);
