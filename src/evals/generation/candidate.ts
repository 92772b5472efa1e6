/**
 * Generation candidates: a model of the LLM config, a prompt template and options. The
 * template's hash is sha256("prompt-v1|" + canonical template), so whitespace-only edits and
 * `{{ name }}` vs `{{name}}` do not change it, and any real edit does.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

const PROMPT_HASH_VERSION = 'prompt-v1';

/** The variables a generation template may use (those of the summary prompt). */
export const TEMPLATE_VARIABLES = [
  'title',
  'authors',
  'abstract',
  'full_text',
  'text_note',
  'categories',
  'user_interests',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

const CandidateTask = z.enum(['generation', 'stt']);

const CandidateId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{0,63}$/, 'lowercase letters, digits, ".", "_" and "-" (at most 64)');

export const Candidate = z.object({
  id: CandidateId,
  /** `generation`; `stt` is reserved for speech-to-text candidates. */
  task: CandidateTask,
  /** `provider/model` of the LLM config. */
  model: z.string().regex(/^[a-z0-9_-]+\/.+$/, 'must be provider/model'),
  promptName: z.string().min(1),
  generationPromptTemplate: z.string().min(1),
  generationPromptHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** max_input_tokens, text_route, temperature…: strings, parsed where used. */
  options: z.record(z.string(), z.string()).default({}),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Candidate = z.infer<typeof Candidate>;

export const CandidatesFile = z.object({
  version: z.literal(1),
  candidates: z.array(Candidate),
});
export type CandidatesFile = z.infer<typeof CandidatesFile>;

/** LF line ends, no trailing spaces, `{{ name }}` written `{{name}}`, no leading or trailing blank lines. */
export function canonicalTemplate(template: string): string {
  return template
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t]+$/, ''))
    .join('\n')
    .replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, '{{$1}}')
    .trim();
}

export function generationPromptHash(template: string): string {
  return createHash('sha256')
    .update(`${PROMPT_HASH_VERSION}|${canonicalTemplate(template)}`)
    .digest('hex');
}

export interface CandidateInput {
  id: string;
  task?: 'generation' | 'stt';
  model: string;
  promptName: string;
  generationPromptTemplate: string;
  options?: Record<string, string>;
}

/** A validated candidate with its prompt hash; throws the zod error on bad input (the CLI words it). */
export function makeCandidate(input: CandidateInput, now: Date): Candidate {
  return Candidate.parse({
    id: input.id,
    task: input.task ?? 'generation',
    model: input.model,
    promptName: input.promptName,
    generationPromptTemplate: input.generationPromptTemplate,
    generationPromptHash: generationPromptHash(input.generationPromptTemplate),
    options: input.options ?? {},
    createdAt: now.toISOString(),
  });
}

/** `key=value` pairs (the CLI's `--option`), keys in snake_case. */
export function parseOptionPairs(pairs: readonly string[]): {
  options: Record<string, string>;
  bad: string[];
} {
  const options: Record<string, string> = {};
  const bad: string[] = [];
  for (const pair of pairs) {
    const match = /^([a-z][a-z0-9_]*)=(.*)$/.exec(pair);
    if (match?.[1] === undefined) bad.push(pair);
    else options[match[1]] = match[2] ?? '';
  }
  return { options, bad };
}
