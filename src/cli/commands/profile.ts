/** `radar profile [--rebuild]`: the interest profile of today (saved; `--rebuild` ignores today's saved one). */
import { publishReportOnce } from '../../adapters/notion/publish-report.ts';
import { createDigestLlm } from '../../digest/summarize-deps.ts';
import { buildInterestProfile } from '../../insights/profile.ts';
import { statePaths } from '../../store/paths.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export interface ProfileFlags {
  rebuild?: boolean;
}

export async function runProfile(
  ctx: CommandContext,
  flags: ProfileFlags,
  out: (line: string) => void,
): Promise<number> {
  return withStateLock(ctx, 'profile', async () => {
    const config = ctx.loaded.config;
    const llm = createDigestLlm({
      config,
      env: ctx.env,
      stores: ctx.stores,
      logger: ctx.logger,
      cwd: ctx.cwd,
    });
    const run = await buildInterestProfile(
      {
        stores: ctx.stores,
        outDir: statePaths(ctx.stateDir).outDir,
        config,
        logger: ctx.logger.child({ module: 'profile' }),
        llm,
      },
      { rebuild: flags.rebuild === true },
    );
    out(run.markdown.trimEnd());
    out('');
    const how = run.reused ? 'saved earlier today (radar profile --rebuild to recompute)' : 'saved';
    out(`profile ${how}: profiles/${run.profile.date}.json; markdown: ${run.markdownFile ?? 'not written'}`);
    const published = await publishReportOnce(
      { config, secrets: ctx.env.secrets, logger: ctx.logger },
      ctx.stores.profiles,
      {
        day: run.profile.date,
        value: run.profile,
        title: `Interest profile — ${run.profile.date}`,
        markdown: run.markdown,
      },
    );
    out(
      'url' in published ? `Notion page: ${published.url}` : `not published to Notion: ${published.skipped}`,
    );
    if (run.profile.naming.error)
      out(`LLM naming failed (${run.profile.naming.error}); clusters named by their terms`);
    return 0;
  });
}
