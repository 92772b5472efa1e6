/**
 * Tag normalization (pure): the key under which spelling variants of one tag meet — case,
 * plurals, hyphens/underscores/spaces and punctuation — and acronym ↔ expansion by initials
 * ('LLMs' ↔ 'large language models', 'RAG' ↔ 'retrieval-augmented generation').
 */

const KEEP_S = /(ss|us|is|ics|ies|ous|sis|xis|ws)$/;
const INVARIANT = new Set([
  'series',
  'species',
  'news',
  'physics',
  'lens',
  'gas',
  'chaos',
  'bias',
  'atlas',
  'alias',
]);
const MINOR_WORDS = new Set([
  'of',
  'for',
  'from',
  'and',
  'the',
  'in',
  'on',
  'to',
  'with',
  'a',
  'an',
  'by',
  'via',
]);

/** 'models' → 'model', 'strategies' → 'strategy', 'LLMs' → 'llm'; leaves 'analysis', 'robotics' alone. */
export function singularize(word: string): string {
  if (word.length <= 3 || INVARIANT.has(word) || /\d/.test(word)) return word;
  if (/[^aeiou]ies$/.test(word) && !word.endsWith('series')) return `${word.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s') && !KEEP_S.test(word)) return word.slice(0, -1);
  return word;
}

/** Lowercase words of a tag, without diacritics, punctuation or a trailing "(ACRONYM)". */
export function tagWords(tag: string): string[] {
  return tag
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim()
    .split(' ')
    .filter((w) => w.length > 0)
    .map(singularize);
}

/** The key two spellings of one tag share: singular words joined with nothing ('fine-tuning' = 'finetuning'). */
export function normalizeTag(tag: string): string {
  return tagWords(tag).join('');
}

/** A display form: trimmed, single spaces, lowercase unless the tag is an acronym such as 'RAG'. */
export function cleanTag(tag: string): string {
  const spaced = tag
    .replace(/\s*\(([A-Za-z0-9]{2,6}s?)\)\s*$/, '')
    .replace(/[_\s]+/g, ' ')
    .trim();
  const trimmed =
    !spaced.includes(' ') && (spaced.match(/-/g)?.length ?? 0) >= 2 ? spaced.replace(/-/g, ' ') : spaced;
  return /^[A-Z0-9]{2,6}s?$/.test(trimmed) || /[a-z][A-Z]/.test(trimmed) ? trimmed : trimmed.toLowerCase();
}

/** The acronym a single-word tag may stand for ('LLMs' → 'llm'), or undefined for longer words. */
export function acronymOf(tag: string): string | undefined {
  const words = tagWords(tag);
  const only = words[0];
  if (words.length !== 1 || only === undefined) return undefined;
  return /^[a-z][a-z0-9]{1,5}$/.test(only) ? only : undefined;
}

/**
 * Acronyms whose expansion is settled in ML papers. An acronym meets its expansion by rule only
 * through this table; other initials matches ('MSA': Modern Standard Arabic, multimodal
 * sentiment analysis, multiple sequence alignment…) are only candidates for the LLM to decide.
 */
export const KNOWN_ACRONYMS: Readonly<Record<string, string>> = {
  ai: 'artificial intelligence',
  ml: 'machine learning',
  rl: 'reinforcement learning',
  cv: 'computer vision',
  fl: 'federated learning',
  qa: 'question answering',
  ir: 'information retrieval',
  kg: 'knowledge graph',
  llm: 'large language model',
  slm: 'small language model',
  vlm: 'vision language model',
  mllm: 'multimodal large language model',
  lvlm: 'large vision language model',
  rag: 'retrieval augmented generation',
  nlp: 'natural language processing',
  gnn: 'graph neural network',
  cnn: 'convolutional neural network',
  rnn: 'recurrent neural network',
  cot: 'chain of thought',
  icl: 'in context learning',
  peft: 'parameter efficient fine tuning',
  rlhf: 'reinforcement learning from human feedback',
  dpo: 'direct preference optimization',
  moe: 'mixture of expert',
  vit: 'vision transformer',
  asr: 'automatic speech recognition',
  tts: 'text to speech',
  ssl: 'self supervised learning',
  gan: 'generative adversarial network',
  vae: 'variational autoencoder',
  vla: 'vision language action',
  ner: 'named entity recognition',
  kd: 'knowledge distillation',
  nas: 'neural architecture search',
  pinn: 'physics informed neural network',
  uav: 'unmanned aerial vehicle',
};

const knownKeys = new Map(Object.entries(KNOWN_ACRONYMS).map(([a, e]) => [a, normalizeTag(e)]));

/** Whether `acronym` stands for the tag whose normalized key is `key` by the table of settled acronyms. */
export function acronymKnown(acronym: string, key: string): boolean {
  return knownKeys.get(acronym) === key;
}

/** The paren part of 'Retrieval-Augmented Generation (RAG)', when it looks like an acronym. */
export function parentheticalAcronym(tag: string): string | undefined {
  const inner = /\(([^)]+)\)/.exec(tag)?.[1]?.trim();
  return inner && /^[A-Za-z0-9]{2,6}s?$/.test(inner) ? normalizeTag(inner) : undefined;
}

/**
 * The initials a multi-word tag could be abbreviated to, with and without minor words
 * ('chain of thought' → 'cot', 'ct'; 'retrieval-augmented generation' → 'rag').
 */
export function initialsOf(tag: string): string[] {
  const words = tag
    .normalize('NFKD')
    .replace(/\([^)]*\)/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
  if (words.length < 2) return [];
  const all = words.map((w) => w[0]).join('');
  const major = words
    .filter((w) => !MINOR_WORDS.has(w))
    .map((w) => w[0])
    .join('');
  return [...new Set([all, major].filter((s) => s.length >= 2))];
}
