import { RadarError } from '../../../core/errors.ts';

/** A qrels or run file does not follow the TREC format; the message names the file and line. */
export class TrecFormatError extends RadarError {
  override readonly exitCode = 2;
  constructor(
    readonly source: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(line > 0 ? `${source}: line ${line}: ${reason}` : `${source}: ${reason}`);
  }
}
