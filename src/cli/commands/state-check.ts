import { existsSync } from 'node:fs';
import { checkState, isClean } from '../../store/state-check.ts';
import type { CommandContext } from '../context.ts';

export async function runStateCheck(ctx: CommandContext, out: (line: string) => void): Promise<number> {
  if (!existsSync(ctx.stateDir)) {
    out(`state directory ${ctx.stateDir} does not exist yet: nothing to check`);
    return 0;
  }
  const reports = await checkState(ctx.stateDir);
  const counts = new Map<string, number>();
  for (const report of reports) {
    counts.set(report.status, (counts.get(report.status) ?? 0) + 1);
    if (report.status === 'ok' || report.status === 'skipped') continue;
    out(`${report.status.padEnd(8)} ${report.file}`);
    for (const problem of report.problems) out(`         ${problem}`);
  }
  const summary = [...counts.entries()].map(([status, n]) => `${n} ${status}`).join(', ');
  out(`${reports.length} files: ${summary || 'none'}`);
  return isClean(reports) ? 0 : 1;
}
