/**
 * Quality of the extractive summaries on the bundled sample (samples/arxiv-sample.jsonl, 300
 * papers): sentences repeated across fields, TL;DR equal to the first sentence where a
 * contribution sentence exists elsewhere, the share of papers with each field filled, and the
 * keyphrase tags. Run: npx tsx bench/summaries.ts [--show N]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractiveSummary } from '../src/digest/extractive-summary.ts';
import { createPaperKeyphrases } from '../src/digest/paper-keyphrases.ts';
import { classifySentences, splitSentences } from '../src/digest/sentence-roles.ts';
import { summarySentences } from '../src/digest/summary-sentences.ts';

interface SamplePaper {
  id: string;
  title: string;
  abstract: string;
  categories: string[];
  comment?: string;
}

const file = join(import.meta.dirname, '..', 'samples', 'arxiv-sample.jsonl');
const papers: SamplePaper[] = readFileSync(file, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as SamplePaper);
const show = Number(process.argv[process.argv.indexOf('--show') + 1] ?? 0) || 0;

const cpu = process.cpuUsage();
const keyphrases = createPaperKeyphrases(papers);
const filled: Record<string, number> = {};
let repeated = 0;
let withContribution = 0;
let contributionNotFirst = 0;
let tldrIsFirstDespiteContribution = 0;
let tagsFromTitleOnly = 0;
let tagCount = 0;
let tagsInTitle = 0;
let loneWordTags = 0;
for (const [i, paper] of papers.entries()) {
  const sentences = splitSentences(paper.abstract);
  const roles = classifySentences(sentences);
  const summary = extractiveSummary(paper, { keyphrases: keyphrases.of(paper) });
  const fields = summarySentences(summary);
  for (const [name, list] of Object.entries(fields))
    if (list.length > 0) filled[name] = (filled[name] ?? 0) + 1;
  const all = Object.values(fields).flat();
  if (new Set(all).size !== all.length) repeated++;
  const contribution = roles.find((r) => r.role === 'contribution');
  if (contribution) withContribution++;
  if (contribution && contribution.index > 0) {
    contributionNotFirst++;
    if (summary.one_sentence_summary.startsWith(sentences[0] ?? '\u0000')) tldrIsFirstDespiteContribution++;
  }
  const title = paper.title.toLowerCase();
  if (summary.tags.every((t) => title.includes(t.toLowerCase()))) tagsFromTitleOnly++;
  for (const tag of keyphrases.of(paper)) {
    tagCount++;
    if (title.includes(tag.toLowerCase())) tagsInTitle++;
    if (!tag.includes(' ') && !/[A-Z0-9]/.test(tag)) loneWordTags++;
  }
  if (i < show) {
    console.log(`\n${paper.id} ${paper.title}`);
    for (const r of roles) console.log(`  [${r.role}] ${r.text.slice(0, 110)}`);
    console.log(`  TL;DR: ${summary.one_sentence_summary.slice(0, 200)}`);
    console.log(`  tags: ${summary.tags.join(' | ')}`);
  }
}
const used = process.cpuUsage(cpu);
const pct = (n: number): string => `${((100 * n) / papers.length).toFixed(1)}%`;
console.log(`papers                               ${papers.length}`);
console.log(`papers with a sentence in two fields ${repeated}`);
console.log(`papers with a contribution sentence  ${withContribution} (${pct(withContribution)})`);
console.log(
  `  of them not first: ${contributionNotFirst}; TL;DR = first sentence anyway: ${tldrIsFirstDespiteContribution}`,
);
console.log(`papers whose tags all come from the title: ${tagsFromTitleOnly}`);
console.log(
  `keyphrase tags ${tagCount}: ${((100 * tagsInTitle) / tagCount).toFixed(1)}% also in the title, ${((100 * loneWordTags) / tagCount).toFixed(1)}% single lowercase words`,
);
console.log('share of papers with each field filled:');
for (const name of ['tldr', 'problem', 'method', 'experiment', 'key_contributions', 'limitations'])
  console.log(`  ${name.padEnd(18)} ${pct(filled[name] ?? 0)}`);
console.log(
  `cpu ${((used.user + used.system) / 1000).toFixed(0)} ms (machine shared, wall time not meaningful)`,
);
