/**
 * Dataset cards: the YAML front matter of a README.md, and a rule-based judge of whether a
 * dataset is an evaluation set (benchmark, leaderboard, test-only splits) rather than training data.
 */
import { parse } from 'yaml';
import { z } from 'zod';

const CardData = z.record(z.string(), z.unknown());
export type CardData = z.infer<typeof CardData>;

export interface DatasetCard {
  data: CardData;
  body: string;
}

export function parseCard(markdown: string): DatasetCard {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(markdown);
  if (!match) return { data: {}, body: markdown };
  let data: CardData = {};
  try {
    const parsed = CardData.safeParse(parse(match[1] ?? ''));
    if (parsed.success) data = parsed.data;
  } catch {
    // A card with broken YAML is judged on its text alone.
  }
  return { data, body: markdown.slice(match[0].length) };
}

const strings = z.array(z.string()).catch([]);
const Split = z.object({ name: z.string() });
const Config = z.object({ data_files: z.array(z.object({ split: z.string() })).catch([]) });

/** Split names declared in `dataset_info.splits` and `configs[].data_files[].split`. */
export function splitNames(data: CardData): string[] {
  const info = z
    .object({ splits: z.array(Split).catch([]) })
    .catch({ splits: [] })
    .parse(data.dataset_info ?? {});
  const configs = z
    .array(Config)
    .catch([])
    .parse(data.configs ?? []);
  const names = [
    ...info.splits.map((s) => s.name),
    ...configs.flatMap((c) => c.data_files.map((f) => f.split)),
  ];
  return [...new Set(names.map((n) => n.toLowerCase()))];
}

export function cardStrings(data: CardData, key: string): string[] {
  const value = data[key];
  return typeof value === 'string' ? [value] : strings.parse(value ?? []);
}

export interface EvalVerdict {
  evaluation: boolean;
  score: number;
  reasons: string[];
}

const EVAL_WORD = /\b(bench(mark)?s?|evaluation|eval|leaderboard|test[- ]?set)\b/i;
/** "BigCodeBench", "livecodebench", "MathEval": a name ending in bench/eval names a benchmark. */
const EVAL_NAME = /[a-z0-9](bench|eval|arena)(\b|[_-]|$)/i;
const EVAL_TEXT: ReadonlyArray<readonly [string, RegExp]> = [
  ['mentions a benchmark', /\bbenchmark(s|ing)?\b/i],
  ['mentions a leaderboard', /\bleaderboards?\b/i],
  [
    'mentions evaluating models',
    /\b(evaluation (set|suite|dataset|benchmark)|to evaluate|for evaluating)\b/i,
  ],
];
const TRAINING_TEXT =
  /\b(instruction[- ]tuning|pre-?training (corpus|data)|fine-?tuning (data|dataset)|training (corpus|data for))\b/i;
/** Open LLM Leaderboard style dumps: `open-llm-leaderboard/details_org__model`, "Evaluation run of …". */
const RUN_DUMP = /^open-llm-leaderboard\/|\/details_|\bevaluation run of\b/i;
const RUN_DUMP_TEXT =
  /\bautomatically created during the evaluation run\b|^\s*#?\s*dataset card for evaluation run of\b/im;
/** What models produced on a benchmark, not the benchmark: `…-results`, `…_predictions`, `…-traces`. */
const OUTPUTS_NAME =
  /(^|[-_.])(results?|predictions?|preds|outputs?|submissions?|traces|logs|generations|responses|completions|scores)$/i;
const RESULTS_TEXT =
  /\b(results table|leaderboard results|model (outputs|predictions|generations) (on|for))\b/i;
const EVAL_SPLIT = /^(test|validation|valid|dev|eval|evaluation)([_-].*)?$/;

/**
 * Scores the evidence: tags and name (+2 each), card text (+1 per kind, at most 2), test-only
 * splits (+2); training-data wording (−2) and train-only splits (−1). Evaluation at 2 or more,
 * unless it is a leaderboard run dump or a results table / model outputs (a veto).
 */
export function classifyDatasetCard(input: {
  id: string;
  tags: readonly string[];
  card: DatasetCard;
  description: string;
}): EvalVerdict {
  const reasons: string[] = [];
  let score = 0;
  const add = (points: number, reason: string): void => {
    score += points;
    reasons.push(`${points > 0 ? '+' : ''}${points} ${reason}`);
  };
  const tags = [...input.tags, ...cardStrings(input.card.data, 'tags')].map((t) => t.toLowerCase());
  if (tags.some((t) => EVAL_WORD.test(t.replace(/^[\w-]+:/, '')))) add(2, 'benchmark/evaluation tag');
  const pretty = cardStrings(input.card.data, 'pretty_name').join(' ');
  const named = `${input.id.split('/').at(-1) ?? ''} ${pretty}`;
  if (EVAL_WORD.test(named.replace(/[_-]/g, ' ')) || EVAL_NAME.test(named)) add(2, 'name');
  const text = `${input.description}\n${input.card.body}`;
  const textHits = EVAL_TEXT.filter(([, pattern]) => pattern.test(text)).slice(0, 2);
  for (const [reason] of textHits) add(1, reason);
  const splits = splitNames(input.card.data);
  if (splits.length > 0 && splits.every((s) => EVAL_SPLIT.test(s))) add(2, 'only evaluation splits');
  else if (splits.length > 0 && splits.every((s) => s.startsWith('train'))) add(-1, 'only training splits');
  if (TRAINING_TEXT.test(text)) add(-2, 'describes training data');
  const name = input.id.split('/').at(-1) ?? '';
  // Named and tagged like a benchmark, and it cites one: a veto, not a few points.
  let derived = true;
  if (RUN_DUMP.test(`${input.id} ${pretty}`) || RUN_DUMP_TEXT.test(text))
    reasons.push('veto: a leaderboard run dump');
  else if (OUTPUTS_NAME.test(name) || RESULTS_TEXT.test(text)) reasons.push('veto: results or model outputs');
  else derived = false;
  return { evaluation: score >= 2 && !derived, score, reasons };
}
