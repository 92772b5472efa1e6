/**
 * Bytes a caller lends to a run of reads, one file after another: a read through it fills it
 * (growing it when a file is larger) and returns data that are views of it, valid until the next
 * read through the same buffer. At 100k papers a lexical rows shard is ~17 MB: a new buffer per
 * read would leave each one to the garbage collector, which frees external memory late (a
 * scoring pass over 10 shards held ~150 MB of them). No I/O here, so pure modules can make one.
 */
export interface ReadBuffer {
  bytes: Uint8Array;
}

export function createReadBuffer(): ReadBuffer {
  return { bytes: new Uint8Array(0) };
}
