/**
 * Scratch files for a full build of the BM25 index: each segment the builder seals has its
 * postings written to a file of its own beside the index and dropped from memory; writing the
 * base segment then reads them back, column by column, a buffer at a time. A build so holds one
 * batch of postings, not all of them, next to the papers it is reading.
 *
 * The files carry the temp-file mark of atomic-write.ts, so any left by a build that died are
 * removed with the other stale temp files; `dispose` removes them after a build.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type {
  PostingColumn,
  PostingSegment,
  SegmentSpill,
  SpilledSegment,
} from '../search/bm25/index-builder.ts';

/** Bytes read at once from one column of one scratch file. */
const READ_BUFFER = 1 << 18;

const WIDTH: Record<PostingColumn, number> = { docs: 4, titleTf: 1, textTf: 1 };

export interface ScratchSpill extends SegmentSpill {
  /** Closes and removes the scratch files (idempotent). */
  dispose(): void;
}

function bytesOf(view: ArrayBufferView): Uint8Array {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function writeAll(fd: number, bytes: Uint8Array, position: number): void {
  let done = 0;
  while (done < bytes.length) done += writeSync(fd, bytes, done, bytes.length - done, position + done);
}

function readAll(fd: number, into: Uint8Array, length: number, position: number): void {
  let done = 0;
  while (done < length) {
    const read = readSync(fd, into, done, length - done, position + done);
    if (read === 0) throw new Error(`search index scratch file ended early at byte ${position + done}`);
    done += read;
  }
}

/** A forward-reading window over one column of a scratch file. */
function columnReader(fd: number, start: number, width: number, count: number) {
  let buffer = new Uint8Array(0);
  let windowFrom = 0;
  let windowTo = 0;
  return (from: number, to: number): Uint8Array => {
    if (from < windowFrom || to > windowTo) {
      const wanted = Math.max(to - from, Math.floor(READ_BUFFER / width));
      const elements = Math.min(wanted, count - from);
      if (buffer.length < elements * width) buffer = new Uint8Array(elements * width);
      readAll(fd, buffer, elements * width, start + from * width);
      windowFrom = from;
      windowTo = from + elements;
    }
    return buffer.subarray((from - windowFrom) * width, (to - windowFrom) * width);
  };
}

/** Scratch files under `dir` (the index directory), one per sealed segment. */
export function createScratchSpill(dir: string): ScratchSpill {
  mkdirSync(dir, { recursive: true });
  const files: { path: string; fd: number }[] = [];
  return {
    spill(segment: PostingSegment): SpilledSegment {
      const path = join(
        dir,
        `.build-${files.length}.postings.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
      );
      const fd = openSync(path, 'w+');
      files.push({ path, fd });
      const count = segment.docs.length;
      writeAll(fd, bytesOf(segment.docs), 0);
      writeAll(fd, segment.titleTf, 4 * count);
      writeAll(fd, segment.textTf, 5 * count);
      const readers = {
        docs: columnReader(fd, 0, WIDTH.docs, count),
        titleTf: columnReader(fd, 4 * count, WIDTH.titleTf, count),
        textTf: columnReader(fd, 5 * count, WIDTH.textTf, count),
      };
      return { offsets: segment.offsets, read: (column, from, to) => readers[column](from, to) };
    },
    dispose() {
      for (const { path, fd } of files.splice(0)) {
        try {
          closeSync(fd);
        } catch {
          // already closed
        }
        rmSync(path, { force: true });
      }
    },
  };
}
