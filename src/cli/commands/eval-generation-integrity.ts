/**
 * `radar eval generation scan-integrity --cases S [--candidate A …]`: cases with no input text,
 * no full text where a candidate's template asks for it (the given candidates, else all), or no
 * reference; writes integrity/issues_generation.json, marking what integrity/exclusions.json covers.
 */

import { UsageError } from '../../core/errors.ts';
import { scanIntegrity } from '../../evals/generation/integrity.ts';
import { usesVariable } from '../../evals/generation/template-render.ts';
import { loadCaseSet } from '../../store/eval-generation-cases-store.ts';
import type { Out } from '../action.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface ScanFlags {
  cases: string;
  candidate?: string[];
}

async function templatesNeedFullText(ctx: CommandContext, ids: readonly string[]): Promise<boolean> {
  const all = await ctx.stores.evals.generation.candidates.list();
  const chosen = ids.length === 0 ? all : all.filter((c) => ids.includes(c.id));
  const unknown = ids.filter((id) => !all.some((c) => c.id === id));
  if (unknown.length > 0) throw new UsageError(`no candidate ${unknown.map((u) => `"${u}"`).join(', ')}`);
  return chosen.some((c) => usesVariable(c.generationPromptTemplate, 'full_text'));
}

export async function runEvalGenerationScan(
  ctx: CommandContext,
  flags: ScanFlags,
  out: Out,
): Promise<number> {
  return withStateLock(ctx, 'eval generation scan-integrity', async () => {
    const loaded = await loadCaseSet(ctx.stateDir, ctx.cwd, flags.cases);
    const integrity = ctx.stores.evals.generation.integrity;
    const needsFullText = await templatesNeedFullText(ctx, flags.candidate ?? []);
    const now = new Date();
    const issues = scanIntegrity(loaded.cases, {
      task: 'generation',
      needsFullText,
      now,
      exclusions: await integrity.exclusions(),
    });
    await integrity.writeIssues({
      task: 'generation',
      cases: loaded.path,
      scanned_at: now.toISOString(),
      scanned: loaded.cases.length,
      issues,
    });
    const open = issues.filter((i) => !i.excluded);
    const byType = new Map<string, number>();
    for (const i of open) byType.set(i.issue_type, (byType.get(i.issue_type) ?? 0) + 1);
    out(
      `scanned ${loaded.cases.length} cases: ${open.length} issues (${issues.length - open.length} excluded)`,
    );
    for (const [type, n] of byType) out(`  ${type}: ${n}`);
    out(`written: ${integrity.issuesFile}`);
    return 0;
  });
}
