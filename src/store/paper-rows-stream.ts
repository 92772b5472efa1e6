/**
 * The id, title and abstract of each paper of one shard, streamed from its CSV row by row
 * (csv-parse's stream API), the other columns skipped, each row checked with the paper schema's
 * own rules for those fields. For a reader that visits every paper once (a full build of the
 * search index): a row is dropped as soon as it is used, so the rows die young instead of a whole
 * shard's rows and text being promoted to the old heap shard after shard.
 */
import { open } from 'node:fs/promises';
import { parse } from 'csv-parse';
import { StateFileError } from '../core/errors.ts';
import { paperCodec } from './paper-codec.ts';
import { Paper } from './schemas.ts';

export type PaperText = Pick<Paper, 'id' | 'title' | 'abstract'>;

const PaperTextRow = Paper.pick({ id: true, title: true, abstract: true });
const KEPT = new Set(Object.keys(PaperTextRow.shape));

export async function* streamPaperTexts(file: string): AsyncGenerator<PaperText> {
  const expected = paperCodec.columns.join(',');
  const input = await open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!input) return;
  const stream = input.createReadStream();
  const parser = stream.pipe(
    parse({
      bom: true,
      skip_empty_lines: true,
      relax_column_count: false,
      columns: (header: string[]) => {
        if (header.join(',') !== expected)
          throw new StateFileError(file, `unexpected header "${header.join(',')}", expected "${expected}"`);
        // A false column name makes csv-parse skip that field.
        return header.map((name) => (KEPT.has(name) ? name : false));
      },
    }),
  );
  // pipe() does not forward a read error: the parser would wait for data forever.
  stream.on('error', (error) => parser.destroy(error));
  let row = 1;
  try {
    for await (const record of parser as AsyncIterable<unknown>) {
      row += 1;
      const parsed = PaperTextRow.safeParse(record);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new StateFileError(
          file,
          `row ${row}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`,
        );
      }
      yield parsed.data;
    }
  } catch (error) {
    if (error instanceof StateFileError) throw error;
    throw new StateFileError(
      file,
      `not valid CSV: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    parser.destroy();
    stream.destroy();
  }
}
