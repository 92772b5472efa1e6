/** Reads prompt templates from `prompts/<name>.md` (the project's folder unless another is given). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type PromptTemplate, PromptTemplateError, parseTemplate } from './prompt-template.ts';

export const DEFAULT_PROMPTS_DIR = fileURLToPath(new URL('../../prompts', import.meta.url));

export async function loadPrompt(name: string, dir: string = DEFAULT_PROMPTS_DIR): Promise<PromptTemplate> {
  const file = join(dir, `${name}.md`);
  let content: string;
  try {
    content = await readFile(file, 'utf8');
  } catch (error) {
    throw new PromptTemplateError(`prompt "${name}" not found at ${file}`, { cause: error });
  }
  return parseTemplate(name, content);
}
