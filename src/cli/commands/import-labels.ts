/**
 * `radar import labels <csv|jsonl>`: preference labels with the time each was given (source
 * `import`). As with `radar label import`, every id must be a paper of the state, else nothing is
 * written; the labels store keeps the latest label per paper, so a re-import changes nothing.
 */
import { resolve } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { parseLabelFile } from '../../import/label-rows.ts';
import { toChanges } from '../../rank/label-changes.ts';
import { readTextIfExists } from '../../store/read-text.ts';
import { type CommandContext, withStateLock } from '../context.ts';
import { checkKnownPapers } from './label.ts';

export async function runImportLabels(
  ctx: CommandContext,
  input: string,
  out: (line: string) => void,
  now: () => Date = () => new Date(),
): Promise<number> {
  const file = resolve(ctx.cwd, input);
  const text = await readTextIfExists(file);
  if (text === undefined) throw new UsageError(`${file}: no such file`);
  const rows = parseLabelFile(text, file);
  const fallback = now().toISOString();
  return withStateLock(ctx, 'import', async () => {
    await checkKnownPapers(ctx.stores.papers, rows);
    const changes = rows.flatMap((row) => toChanges([row], 'import', row.at ?? fallback));
    const changed = await ctx.stores.labels.apply(changes);
    const counts = { up: 0, down: 0, clear: 0 };
    for (const row of rows) counts[row.action] += 1;
    out(
      `labels from ${rows.length} rows: ${counts.up} up, ${counts.down} down, ${counts.clear} cleared; ${changed} changed (source import)`,
    );
    return 0;
  });
}
