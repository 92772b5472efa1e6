/**
 * The summary made from the abstract alone (no LLM configured, or the LLM failed): each sentence
 * classified by its role, the TL;DR the contribution sentence (with its main result when both are
 * short), every field distinct sentences and empty when nothing fits; tags are keyphrases of the
 * paper scored against the corpus, with the categories as a fill. Pure; marked wherever shown.
 */
import type { SummaryFields } from '../core/summary.ts';
import {
  classifySentences,
  type RoledSentence,
  type SentenceRole,
  splitSentences,
} from './sentence-roles.ts';

export { splitSentences };

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

/**
 * Keyphrases of the title: the words around ':' and runs of content words. Superseded for tags by
 * the corpus-scored keyphrases (src/text/keyphrases.ts); kept for callers that have no corpus.
 */
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

export interface ExtractiveOptions {
  /** The paper's keyphrases, best first (see paper-keyphrases.ts); the categories fill up to 3 tags. */
  keyphrases?: readonly string[];
}

const TLDR_SHORT = 320;

function ofRole(sentences: readonly RoledSentence[], role: SentenceRole, used: Set<number>): RoledSentence[] {
  return sentences.filter((s) => s.role === role && !used.has(s.index));
}

function take(list: readonly RoledSentence[], limit: number, used: Set<number>): string[] {
  const picked = list.filter((s) => !used.has(s.index)).slice(0, limit);
  for (const s of picked) used.add(s.index);
  return picked.map((s) => s.text);
}

/** The TL;DR: the first contribution sentence, with the main result when both are short. */
function tldr(sentences: readonly RoledSentence[], used: Set<number>): string {
  const contribution = ofRole(sentences, 'contribution', used)[0];
  const result = ofRole(sentences, 'result', used)[0];
  const lead = contribution ?? result ?? sentences[0];
  if (!lead) return '';
  used.add(lead.index);
  if (contribution && result && contribution.text.length + result.text.length <= TLDR_SHORT) {
    used.add(result.index);
    return `${contribution.text} ${result.text}`;
  }
  return lead.text;
}

function fields(sentences: readonly RoledSentence[]) {
  const used = new Set<number>();
  const one = tldr(sentences, used);
  const limitations = take(ofRole(sentences, 'limitation', used), 2, used);
  const experiment = take(ofRole(sentences, 'result', used), 3, used).join(' ');
  const contributions = take(ofRole(sentences, 'contribution', used), 3, used);
  const method = take(ofRole(sentences, 'method', used), 2, used).join(' ');
  const problem = ofRole(sentences, 'problem', used);
  // Background only from the opening half: a late neutral sentence is not the problem statement.
  const background = ofRole(sentences, 'background', used).filter(
    (s) => s.index < Math.max(2, sentences.length / 2),
  );
  const problemText = take(
    problem.length > 0 ? [...problem, ...background].sort((a, b) => a.index - b.index) : background,
    2,
    used,
  ).join(' ');
  return { one, problemText, method, experiment, contributions, limitations };
}

export function extractiveSummary(paper: PaperText, options: ExtractiveOptions = {}): SummaryFields {
  const sentences = classifySentences(splitSentences(paper.abstract));
  const f = fields(sentences);
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
  const keyphrases = options.keyphrases ?? [];
  const tags = uniqueTags([...keyphrases.slice(0, 6), ...categoryTags]).slice(0, 8);
  return {
    one_sentence_summary: f.one || paper.title,
    problem_background: f.problemText,
    method: f.method,
    experiment: f.experiment,
    key_contributions: f.contributions,
    datasets_and_benchmarks: uniqueTags(benchmarks),
    limitations: f.limitations,
    further_thoughts: '',
    institutions: [],
    code_and_data_links: uniqueTags(links),
    tags: tags.length >= 3 ? tags : uniqueTags([...tags, 'research', 'arxiv', 'paper']).slice(0, 3),
    slug: slugify(paper.title),
  };
}
