/**
 * A benchmark candidate as any source reports it (a Hugging Face dataset, a GitHub repository,
 * an arXiv paper), with a stable id: the source and the normalized URL.
 */
import { z } from 'zod';

const isoDateTime = z.iso.datetime({ offset: true });

export const BenchmarkSourceName = z.enum(['huggingface', 'github', 'arxiv']);
export type BenchmarkSourceName = z.infer<typeof BenchmarkSourceName>;

export const BenchmarkCandidate = z.object({
  id: z.string().min(1),
  source: BenchmarkSourceName,
  url: z.string().min(1),
  /** The benchmark's short name (repository or dataset name, or the name a paper gives it). */
  name: z.string(),
  title: z.string().min(1),
  description: z.string(),
  task: z.array(z.string()),
  modality: z.array(z.string()),
  metrics: z.array(z.string()),
  size: z.string().nullable(),
  license: z.string().nullable(),
  createdAt: isoDateTime.nullable(),
  updatedAt: isoDateTime.nullable(),
  /** When the radar first stored it: the week a candidate counts in for trends and "this week". */
  firstSeenAt: isoDateTime,
  popularity: z.object({
    downloads: z.number().optional(),
    stars: z.number().optional(),
    likes: z.number().optional(),
  }),
  /** Every URL known for it (its own first), normalized. */
  links: z.array(z.string()),
  /** Free keywords (topics, tags) for trends. */
  keywords: z.array(z.string()),
});
export type BenchmarkCandidate = z.infer<typeof BenchmarkCandidate>;

/**
 * `https://www.GitHub.com/Acme/Bench.git/` → `github.com/acme/bench`; arXiv abs/pdf URLs lose
 * their version; query strings and fragments go. Hosts whose paths are case-insensitive
 * (GitHub, Hugging Face) are lowercased whole.
 */
export function normalizeUrl(raw: string): string {
  let text = raw.trim().replace(/[).,;:'"\]]+$/, '');
  if (!/^[a-z]+:\/\//i.test(text)) text = `https://${text}`;
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return raw.trim().toLowerCase();
  }
  const host = parsed.host.toLowerCase().replace(/^www\./, '');
  let path = parsed.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  if (host === 'arxiv.org') {
    const id = /^\/(?:abs|pdf|html)\/(.+?)(?:v\d+)?(?:\.pdf)?$/.exec(path)?.[1];
    if (id) path = `/abs/${id}`;
  }
  if (host === 'github.com') path = path.split('/').slice(0, 3).join('/');
  if (host === 'huggingface.co' && path.startsWith('/datasets/'))
    path = path.split('/').slice(0, 4).join('/');
  const caseless = host === 'github.com' || host === 'huggingface.co';
  return `${host}${caseless ? path.toLowerCase() : path}`;
}

export function candidateId(source: BenchmarkSourceName, url: string): string {
  return `${source}:${normalizeUrl(url)}`;
}

// Braces end a URL: abstracts cite links as LaTeX `\href{https://…}{GitHub}`.
const URL_PATTERN =
  /\bhttps?:\/\/[^\s<>"'){}]+|\b(?:github\.com|huggingface\.co(?:\/datasets)?)\/[\w.-]+\/[\w.-]+/gi;

/** URLs in free text, normalized and deduplicated, in order of appearance. */
export function extractUrls(text: string): string[] {
  const found = [...text.matchAll(URL_PATTERN)].map((m) => normalizeUrl(m[0]));
  return [...new Set(found)].filter((u) => u.includes('/'));
}

const ARXIV_ID = /(?:arxiv[:\s./]*(?:abs\/|pdf\/)?|arxiv\.org\/(?:abs|pdf)\/)(\d{4}\.\d{4,5})/gi;

/** arXiv ids (`2410.01560`) named in text: `arXiv:2410.01560`, `arxiv.org/abs/…`, HF `arxiv:` tags. */
export function extractArxivIds(text: string): string[] {
  return [...new Set([...text.matchAll(ARXIV_ID)].map((m) => m[1] ?? ''))].filter(Boolean);
}

const MODALITIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['text', /\b(text|language|nlp|question[- ]answering|reasoning|llm)\b/i],
  ['code', /\b(code|coding|program(ming)?|software|swe)\b/i],
  ['image', /\b(image|vision|visual|vqa|multimodal|vlm)\b/i],
  ['video', /\bvideo\b/i],
  ['audio', /\b(audio|speech|asr)\b/i],
  ['tabular', /\b(tabular|table)\b/i],
];

/** Modalities named in text or tags (`modality:text` tags included). */
export function guessModality(text: string): string[] {
  return MODALITIES.filter(([, pattern]) => pattern.test(text)).map(([name]) => name);
}

const METRICS =
  /\b(accuracy|pass@\d+|f1|bleu|rouge(?:-l)?|exact match|win rate|elo|ndcg|mrr|wer|success rate)\b/gi;

export function guessMetrics(text: string): string[] {
  return [...new Set([...text.matchAll(METRICS)].map((m) => (m[1] ?? '').toLowerCase()))];
}
