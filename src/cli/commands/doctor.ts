import { existsSync, readdirSync } from 'node:fs';
import { describeServices } from '../../config/services.ts';
import type { CommandContext } from '../context.ts';

export async function runDoctor(ctx: CommandContext, out: (line: string) => void): Promise<number> {
  const { config, file, overridden } = ctx.loaded;
  out(`config     ${file ?? '(no config file: built-in defaults)'}`);
  if (overridden.length > 0) out(`           overridden from the environment: ${overridden.join(', ')}`);
  const stateInfo = existsSync(ctx.stateDir)
    ? `${readdirSync(ctx.stateDir).filter((n) => !n.startsWith('.')).length} entries`
    : 'not created yet';
  out(`state      ${ctx.stateDir} (${stateInfo})`);
  out(`schedule   daily pipeline "${config.schedule.dailyPipeline}" in ${config.schedule.timezone}`);
  out(`arXiv      ${config.arxiv.categories.join(', ')}`);
  out('');
  out('services');
  const services = describeServices(config, ctx.env);
  const width = Math.max(...services.map((s) => s.name.length));
  for (const service of services) {
    const state = service.configured ? 'configured    ' : 'not configured';
    out(`  ${service.name.padEnd(width)}  ${state}  ${service.detail}`);
  }
  const warnings = services.flatMap((s) => s.warnings);
  if (warnings.length > 0) {
    out('');
    out('warnings');
    for (const warning of warnings) out(`  ! ${warning}`);
  }
  return 0;
}
