/**
 * The summary used when no LLM is configured: sentences picked from the abstract by cue
 * words, tags from the title and categories. Pure; marked `extractive` wherever it is shown.
 */
import type { SummaryFields } from '../core/summary.ts';

interface PaperText {
  title: string;
  abstract: string;
  categories: readonly string[];
  comment?: string | undefined;
}

const CATEGORY_TAGS: Record<string, string> = {
  'cs.AI': 'artificial intelligence',
  'cs.CL': 'natural language processing',
  'cs.CV': 'computer vision',
  'cs.IR': 'information retrieval',
  'cs.LG': 'machine learning',
  'cs.RO': 'robotics',
  'cs.CR': 'security',
  'cs.SE': 'software engineering',
  'cs.HC': 'human-computer interaction',
  'cs.DC': 'distributed computing',
  'cs.NE': 'neural networks',
  'cs.MA': 'multi-agent systems',
  'stat.ML': 'machine learning',
  'eess.AS': 'speech',
  'eess.IV': 'image processing',
};

const STOPWORDS = new Set(
  'a an and are as at be by can do does for from how in into is it its of on or our that the their this to towards via we what when why with without using based new large'.split(
    ' ',
  ),
);

export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+(?=[A-Z0-9(])/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function pick(sentences: readonly string[], cue: RegExp, limit: number): string[] {
  return sentences.filter((s) => cue.test(s)).slice(0, limit);
}

/** Keyphrases of the title: the words around ':' and runs of content words. */
export function titleKeyphrases(title: string): string[] {
  const head = title.includes(':') ? title.split(':')[0]?.trim() : undefined;
  const rest = title.includes(':') ? title.slice(title.indexOf(':') + 1) : title;
  const phrases: string[] = [];
  let run: string[] = [];
  for (const word of rest.split(/[\s,;()]+/)) {
    const clean = word.replace(/[^\p{L}\p{N}-]/gu, '').toLowerCase();
    if (clean.length < 3 || STOPWORDS.has(clean)) {
      if (run.length > 0) phrases.push(run.join(' '));
      run = [];
    } else {
      run.push(clean);
      if (run.length === 3) {
        phrases.push(run.join(' '));
        run = [];
      }
    }
  }
  if (run.length > 0) phrases.push(run.join(' '));
  const named = head && head.split(/\s+/).length <= 3 ? [head] : [];
  return [...named, ...phrases.filter((p) => p.includes(' ') || p.length > 5)];
}

export function slugify(text: string): string {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'paper'
  );
}

function uniqueTags(candidates: readonly string[]): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const tag of candidates) {
    const key = tag.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      tags.push(tag);
    }
  }
  return tags;
}

export function extractiveSummary(paper: PaperText): SummaryFields {
  const sentences = splitSentences(paper.abstract);
  const first = sentences[0] ?? paper.title;
  const method = pick(
    sentences,
    /\b(we (propose|present|introduce|develop|design)|our (method|approach|framework|model))\b/i,
    2,
  );
  const results = pick(
    sentences,
    /\b(experiment|results?|outperform|achiev|improv|state-of-the-art|\d+(\.\d+)?\s?%)/i,
    3,
  );
  const limits = pick(sentences, /\b(however|limitation|fail|remain|challenge)/i, 2);
  const benchmarks = [
    ...paper.abstract.matchAll(
      /\b([A-Z][A-Za-z0-9-]*(?:Bench|QA|GLUE|Eval|Arena|MMLU|COCO|Net)[A-Za-z0-9-]*)\b/g,
    ),
  ].map((m) => m[1] ?? '');
  const links = [...`${paper.abstract} ${paper.comment ?? ''}`.matchAll(/https?:\/\/[^\s)\]}>,]+/g)].map(
    (m) => (m[0] ?? '').replace(/[.;]+$/, ''),
  );
  const categoryTags = paper.categories
    .map((c) => CATEGORY_TAGS[c])
    .filter((t): t is string => t !== undefined);
  const tags = uniqueTags([...titleKeyphrases(paper.title), ...categoryTags]).slice(0, 8);
  return {
    one_sentence_summary: first,
    problem_background: sentences.slice(0, 2).join(' '),
    method: method.join(' ') || (sentences[1] ?? ''),
    experiment: results.join(' '),
    key_contributions: method.length > 0 ? method : sentences.slice(1, 3),
    datasets_and_benchmarks: uniqueTags(benchmarks),
    limitations: limits,
    further_thoughts: '',
    institutions: [],
    code_and_data_links: uniqueTags(links),
    tags: tags.length >= 3 ? tags : uniqueTags([...tags, 'research', 'arxiv', 'paper']).slice(0, 3),
    slug: slugify(paper.title),
  };
}
