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
  const notion = await checkNotionLine(ctx);
  if (notion) out(`  ${'notion check'.padEnd(width)}  ${notion.line}`);
  out('');
  out('leaderboards (configured vs collected)');
  const { boardStatusLines } = await import('./leaderboards.ts');
  for (const line of await boardStatusLines(ctx)) out(`  ${line}`);
  const warnings = services.flatMap((s) => s.warnings);
  if (warnings.length > 0) {
    out('');
    out('warnings');
    for (const warning of warnings) out(`  ! ${warning}`);
  }
  return notion?.refused ? 1 : 0;
}

/** With NOTION_TOKEN set, asks Notion who the token is (users/me): "configured" is not "works". */
async function checkNotionLine(ctx: CommandContext): Promise<{ refused: boolean; line: string } | undefined> {
  const token = ctx.env.secrets.NOTION_TOKEN;
  if (!token) return undefined;
  const { createNotionApi } = await import('../../adapters/notion/notion-client.ts');
  const { checkNotion } = await import('../../adapters/notion/notion-health.ts');
  const config = ctx.loaded.config.notion;
  const api = createNotionApi({
    token,
    baseUrl: config.baseUrl,
    requestsPerSecond: config.requestsPerSecond,
    timeoutMs: 15_000,
    retry: { retries: 1, baseDelayMs: 500, maxDelayMs: 1_000 },
    logger: ctx.logger,
  });
  const health = await checkNotion(api);
  return health.ok
    ? { refused: false, line: `token accepted (integration "${health.integration}")` }
    : {
        refused: health.refused,
        line: health.refused ? health.reason : `could not reach Notion: ${health.reason}`,
      };
}
