/**
 * Renders a candidate's generation template for one case. A variable the case has no value for
 * (or that the template names but the benchmark does not know) becomes an empty string and is
 * recorded, never an error: a case set without full text still runs, and the gap is visible.
 */
import { type PromptTemplate, parseTemplate } from '../../digest/prompt-template.ts';
import type { ChatMessage } from '../../llm/llm-types.ts';

const VARIABLE = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;

export interface RenderedPrompt {
  messages: ChatMessage[];
  /** Variables replaced by an empty string, in order of first use. */
  missing: string[];
  /** The prompt as one text, for io/prompt_*.txt. */
  text: string;
}

function fill(text: string, values: Readonly<Record<string, string>>, missing: Set<string>): string {
  return text.replace(VARIABLE, (_m, key: string) => {
    const value = values[key];
    if (value === undefined || value === '') {
      missing.add(key);
      return '';
    }
    return value;
  });
}

/** The messages as the text saved beside a case (`### system` / `### user` sections). */
function promptText(messages: readonly ChatMessage[]): string {
  return messages.map((m) => `### ${m.role}\n${m.content}`).join('\n\n');
}

/**
 * The template may carry its own `<!-- system -->` part; without one, `defaultSystem` (the
 * summary prompt's system part, which defines the summary's fields) is used.
 */
export function renderGenerationPrompt(
  template: string,
  values: Readonly<Record<string, string>>,
  defaultSystem: string,
): RenderedPrompt {
  const parsed = parseTemplate('candidate', template);
  const missing = new Set<string>();
  const system = fill(parsed.system !== '' ? parsed.system : defaultSystem, values, missing);
  const user = fill(parsed.user, values, missing)
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const messages: ChatMessage[] = [];
  if (system !== '') messages.push({ role: 'system', content: system });
  messages.push({ role: 'user', content: user });
  return { messages, missing: [...missing], text: promptText(messages) };
}

/** Renders a judge template (prompts/judge-*.md); a variable with no value becomes empty and is listed. */
export function renderJudgePrompt(
  template: PromptTemplate,
  values: Readonly<Record<string, string>>,
): RenderedPrompt {
  const missing = new Set<string>();
  const messages: ChatMessage[] = [];
  if (template.system !== '')
    messages.push({ role: 'system', content: fill(template.system, values, missing) });
  messages.push({ role: 'user', content: fill(template.user, values, missing) });
  return { messages, missing: [...missing], text: promptText(messages) };
}

/** Does the template ask for this variable? */
export function usesVariable(template: string, name: string): boolean {
  return [...template.matchAll(VARIABLE)].some((m) => m[1] === name);
}
