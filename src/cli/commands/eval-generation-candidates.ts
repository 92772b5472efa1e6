/** `radar eval generation candidates list | add | show`: the candidates of the generation benchmark. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { z } from 'zod';
import { UsageError } from '../../core/errors.ts';
import { makeCandidate, parseOptionPairs, TEMPLATE_VARIABLES } from '../../evals/generation/candidate.ts';
import type { Out } from '../action.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { checkModel } from './eval-generation-wiring.ts';

export interface CandidateAddFlags {
  id: string;
  model: string;
  template: string;
  promptName?: string;
  option?: string[];
  task?: string;
  replace?: boolean;
}

export async function runCandidatesList(ctx: CommandContext, out: Out): Promise<number> {
  const candidates = await ctx.stores.evals.generation.candidates.list();
  if (candidates.length === 0) {
    out(
      'no candidates yet: radar eval generation candidates add --id NAME --model provider/model --template FILE',
    );
    return 0;
  }
  for (const c of candidates)
    out(`${c.id}  ${c.task}  ${c.model}  ${c.promptName}  ${c.generationPromptHash.slice(0, 12)}`);
  return 0;
}

export async function runCandidatesShow(ctx: CommandContext, id: string, out: Out): Promise<number> {
  const candidate = await ctx.stores.evals.generation.candidates.get(id);
  if (!candidate) throw new UsageError(`no candidate "${id}" (radar eval generation candidates list)`);
  out(JSON.stringify(candidate, null, 2));
  return 0;
}

function wordZodError(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

export async function runCandidatesAdd(
  ctx: CommandContext,
  flags: CandidateAddFlags,
  out: Out,
): Promise<number> {
  const { options, bad } = parseOptionPairs(flags.option ?? []);
  if (bad.length > 0)
    throw new UsageError(`--option takes key=value (snake_case key); not: ${bad.join(', ')}`);
  const task = z.enum(['generation', 'stt']).safeParse(flags.task ?? 'generation');
  if (!task.success) throw new UsageError(`--task must be generation or stt, got "${flags.task}"`);
  checkModel(ctx.loaded.config, flags.model, '--model');
  const file = resolve(ctx.cwd, flags.template);
  const template = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`--template: cannot read ${file}`);
  });
  let candidate: ReturnType<typeof makeCandidate>;
  try {
    candidate = makeCandidate(
      {
        id: flags.id,
        task: task.data,
        model: flags.model,
        promptName: flags.promptName ?? flags.id,
        generationPromptTemplate: template,
        options,
      },
      new Date(),
    );
  } catch (error) {
    if (error instanceof z.ZodError)
      throw new UsageError(`invalid candidate:\n  ${wordZodError(error).join('\n  ')}`);
    throw error;
  }
  const unknown = [...template.matchAll(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g)]
    .map((m) => m[1] ?? '')
    .filter((v) => !new Set<string>(TEMPLATE_VARIABLES).has(v));
  await withStateLock(ctx, 'eval generation candidates add', () =>
    ctx.stores.evals.generation.candidates.add(candidate, { replace: flags.replace === true }),
  );
  out(
    `added candidate ${candidate.id} (${candidate.model}, prompt ${candidate.generationPromptHash.slice(0, 12)})`,
  );
  if (unknown.length > 0)
    out(
      `  note: ${[...new Set(unknown)].map((v) => `{{${v}}}`).join(', ')} not known; they render empty (known: ${TEMPLATE_VARIABLES.join(', ')})`,
    );
  return 0;
}
