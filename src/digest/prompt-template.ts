/**
 * Prompt templates: a file with a `<!-- system -->` part and a `<!-- user -->` part, and
 * `{{name}}` variables. Pure: parsing, rendering and the template's hash (sha256 of the file's
 * content, stored with every summary so a changed prompt is noticed).
 */
import { createHash } from 'node:crypto';
import { RadarError } from '../core/errors.ts';
import type { ChatMessage } from '../llm/llm-types.ts';

export interface PromptTemplate {
  name: string;
  /** sha256 of the template file's content, hex, first 16 characters. */
  hash: string;
  system: string;
  user: string;
  /** The variables the template uses, in order of first use. */
  variables: string[];
}

export class PromptTemplateError extends RadarError {}

const VARIABLE = /\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g;
const MARKER = /^<!--\s*(system|user)\s*-->\s*$/m;

export function hashTemplate(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

function variablesOf(text: string): string[] {
  return [...new Set([...text.matchAll(VARIABLE)].map((m) => m[1] ?? ''))];
}

export function parseTemplate(name: string, content: string): PromptTemplate {
  const parts = content.split(MARKER);
  let system = '';
  let user = '';
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const body = (parts[i + 1] ?? '').trim();
    if (parts[i] === 'system') system = body;
    else user = body;
  }
  if (user === '' && parts.length === 1) user = content.trim();
  if (user === '') throw new PromptTemplateError(`prompt "${name}" has no user part (<!-- user -->)`);
  return { name, hash: hashTemplate(content), system, user, variables: variablesOf(`${system}\n${user}`) };
}

function fill(template: PromptTemplate, text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(VARIABLE, (_match, key: string) => {
    const value = values[key];
    if (value === undefined)
      throw new PromptTemplateError(`prompt "${template.name}": no value for variable {{${key}}}`);
    return value;
  });
}

/** The chat messages of the template with every variable filled; a missing variable is an error naming it. */
export function renderPrompt(
  template: PromptTemplate,
  values: Readonly<Record<string, string>>,
): ChatMessage[] {
  const missing = template.variables.filter((v) => values[v] === undefined);
  if (missing.length > 0)
    throw new PromptTemplateError(
      `prompt "${template.name}": no value for ${missing.map((v) => `{{${v}}}`).join(', ')}`,
    );
  const user = fill(template, template.user, values).replace(/\n{3,}/g, '\n\n');
  const messages: ChatMessage[] = [];
  if (template.system !== '')
    messages.push({ role: 'system', content: fill(template, template.system, values) });
  messages.push({ role: 'user', content: user });
  return messages;
}
