/**
 * The HTML digest of the bundled sample as a reader sees it: rendered in headless Chromium
 * (Debian's chromium, installed in CI), its visible text holds no LaTeX command; KaTeX rendered
 * the math; no sentence of a summary appears in two fields; the Telegram messages of the same
 * papers pass the strict HTML check.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlRenderer, renderMessage } from '../../src/adapters/telegram/render.ts';
import { digestItemMessage } from '../../src/chat/message-format.ts';
import type { StoredSummary } from '../../src/core/summary.ts';
import { extractiveSummary } from '../../src/digest/extractive-summary.ts';
import { createPaperKeyphrases } from '../../src/digest/paper-keyphrases.ts';
import { repeatedSentences } from '../../src/digest/summary-sentences.ts';
import { loadBundledSample } from '../../src/papers/bundled-sample.ts';
import { toDigestItem } from '../../src/pipeline/steps/notify-step.ts';
import { renderDigestHtml } from '../../src/publish/local/render-html.ts';
import type { PublishItem } from '../../src/publish/publisher.ts';
import { katexStylesheet } from '../../src/store/katex-assets.ts';
import { checkHtml } from '../fakes/telegram/html-markup.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const BROWSER = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const LATEX = /\\[A-Za-z]+|\$[^$\s][^$]*\$/;

let items: Promise<PublishItem[]> | undefined;
const sampleItems = (): Promise<PublishItem[]> => {
  items ??= buildItems();
  return items;
};

async function buildItems(): Promise<PublishItem[]> {
  const papers = await loadBundledSample();
  const keyphrases = createPaperKeyphrases(papers);
  return papers.map((paper, i): PublishItem => {
    const summary: StoredSummary = {
      ...extractiveSummary(paper, { keyphrases: keyphrases.of(paper) }),
      id: paper.id,
      model: 'extractive',
      promptHash: 'extractive-v2',
      source: 'extractive',
      textRoute: 'abstract',
      at: '2026-07-01T08:00:00Z',
    };
    return {
      paper,
      summary,
      pick: { score: 1 - i / 1000, reason: i % 5 === 4 ? 'explore' : 'top', model: 'hashing-384' },
      related: [],
    };
  });
}

/** The page's visible text (`innerText`, every <details> opened), from Chromium's DOM dump. */
function visibleText(html: string, dir: string): string {
  const page = html
    .replace(/<details>/g, '<details open>')
    .replace(
      '</body>',
      '<script>document.body.setAttribute("data-visible", document.body.innerText)</script></body>',
    );
  const file = join(dir, 'digest.html');
  writeFileSync(file, page);
  const dom = execFileSync(
    BROWSER,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      `--user-data-dir=${join(dir, 'profile')}`,
      '--dump-dom',
      `file://${file}`,
    ],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const attribute = /<body data-visible="([^"]*)"/.exec(dom)?.[1];
  if (attribute === undefined) throw new Error('no visible text in the DOM dump');
  return attribute
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

describe('the digest of the bundled sample', () => {
  it('shows no LaTeX command in Chromium, with the math rendered by KaTeX', async () => {
    const items = await sampleItems();
    const withLatex = items.filter((i) => LATEX.test(`${i.paper.title} ${i.paper.abstract}`));
    expect(withLatex.length).toBeGreaterThan(30);
    const html = renderDigestHtml('2026-07-01', items, {
      mathCss: await katexStylesheet(),
      counts: { collected: 300, candidates: 300 },
    });
    expect(html).not.toMatch(/url\((?!data:)/);
    expect(html.match(/class="katex"/g)?.length ?? 0).toBeGreaterThan(50);
    const text = visibleText(html, tempDir());
    expect(text).toContain('300 collected · 300 candidates · 300 picked (240 top, 60 explore)');
    expect(text).toContain('rank 1 by score of 300 candidates');
    const commands = [...text.matchAll(/.{0,30}\\[A-Za-z]+.{0,30}/g)].map((m) => m[0]);
    expect(commands).toEqual([]);
    // The titles and abstracts of the LaTeX papers are all on the page, read as text.
    expect(text).toContain('TerraDiT-Ω');
    expect(text).toMatch(/a mean PSNR of 21\.41\s*dB/);
  }, 120_000);

  it('repeats no sentence across the fields of a summary', async () => {
    const items = await sampleItems();
    const repeats = items.flatMap((i) => (i.summary ? repeatedSentences(i.summary) : []));
    expect(repeats).toEqual([]);
  });

  it('sends Telegram messages with math that pass the strict HTML check, math as Unicode', async () => {
    const items = await sampleItems();
    const withMath = items.filter((i) => /\$/.test(`${i.paper.title} ${i.summary?.one_sentence_summary}`));
    expect(withMath.length).toBeGreaterThan(5);
    const texts: string[] = [];
    for (const item of withMath) {
      const html = renderMessage(htmlRenderer, digestItemMessage(toDigestItem(item)));
      const checked = checkHtml(html);
      expect(checked.ok, html).toBe(true);
      if (checked.ok) texts.push(checked.text);
    }
    const all = texts.join('\n');
    expect(all).toContain('TerraDiT-Ω');
    expect(all).not.toMatch(/\\(emph|textbf|mathrm|times|pm|sim)\b/);
  });
});
