/** `radar tags` (tags with counts and aliases), `radar tags merge A B`, `radar tags rename A B`. */
import { applyTagEdit, countTags, type TagCount, type TagEdit } from '../../tags/tag-edits.ts';
import { type CommandContext, withStateLock } from '../context.ts';

export function formatTags(tags: readonly TagCount[]): string[] {
  if (tags.length === 0) return ['no tags yet (run radar summarize)'];
  const width = Math.min(40, Math.max(...tags.map((t) => t.name.length)));
  return [
    `${tags.length} tags`,
    ...tags.map((t) =>
      `${String(t.count).padStart(5)}  ${t.name.padEnd(width)}${t.aliases.length > 0 ? `  (aliases: ${t.aliases.join(', ')})` : ''}`.trimEnd(),
    ),
  ];
}

export async function runTagsList(ctx: CommandContext, out: (line: string) => void): Promise<number> {
  const [entries, summaries] = await Promise.all([ctx.stores.tags.read(), ctx.stores.summaries.readAll()]);
  for (const line of formatTags(countTags(entries, summaries))) out(line);
  return 0;
}

export async function runTagsEdit(
  ctx: CommandContext,
  edit: TagEdit,
  out: (line: string) => void,
): Promise<number> {
  const result = await withStateLock(ctx, `tags ${edit.kind}`, () =>
    applyTagEdit(
      {
        tags: ctx.stores.tags,
        summaries: ctx.stores.summaries,
        papers: ctx.stores.papers,
      },
      edit,
    ),
  );
  if (!result.ok) {
    out(`radar tags ${edit.kind}: ${result.error}`);
    return 1;
  }
  const verb = edit.kind === 'merge' ? 'merged' : 'renamed';
  out(`${verb} "${edit.from}" → "${edit.to}"; ${result.summaries} summaries rewritten`);
  return 0;
}
