/**
 * A small ustar writer (what arXiv's e-print tarballs are) and a reader for tests to check what
 * came back. Regular files only; names up to 100 bytes, or 255 with the ustar prefix field.
 */
export interface TarFile {
  name: string;
  content: string | Uint8Array;
}

const BLOCK = 512;

function writeString(header: Buffer, offset: number, length: number, value: string): void {
  header.write(value.slice(0, length), offset, length, 'utf8');
}

function writeOctal(header: Buffer, offset: number, length: number, value: number): void {
  header.write(`${value.toString(8).padStart(length - 1, '0')}\0`, offset, length, 'ascii');
}

function splitName(name: string): { prefix: string; base: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name };
  const cut = name.lastIndexOf('/', 155);
  if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new Error(`tar name too long: ${name}`);
  return { prefix: name.slice(0, cut), base: name.slice(cut + 1) };
}

function header(name: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const { prefix, base } = splitName(name);
  writeString(block, 0, 100, base);
  writeOctal(block, 100, 8, 0o644);
  writeOctal(block, 108, 8, 0);
  writeOctal(block, 116, 8, 0);
  writeOctal(block, 124, 12, size);
  writeOctal(block, 136, 12, mtime);
  block.fill(0x20, 148, 156);
  block.write('0', 156, 1, 'ascii');
  block.write('ustar\0', 257, 6, 'ascii');
  block.write('00', 263, 2, 'ascii');
  writeString(block, 265, 32, 'arxiv');
  writeString(block, 297, 32, 'arxiv');
  writeString(block, 345, 155, prefix);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'ascii');
  return block;
}

export function writeTar(files: readonly TarFile[], mtime = 1_746_000_000): Buffer {
  const parts: Buffer[] = [];
  for (const file of files) {
    const data =
      typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    parts.push(
      header(file.name, data.length, mtime),
      data,
      Buffer.alloc((BLOCK - (data.length % BLOCK)) % BLOCK),
    );
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

function readString(block: Buffer, offset: number, length: number): string {
  const raw = block.subarray(offset, offset + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

/** Reads regular files from a tar; checks each header's checksum. */
export function readTar(tar: Uint8Array): Array<{ name: string; content: Buffer }> {
  const buffer = Buffer.from(tar);
  const files: Array<{ name: string; content: Buffer }> = [];
  let at = 0;
  while (at + BLOCK <= buffer.length) {
    const block = buffer.subarray(at, at + BLOCK);
    if (block.every((b) => b === 0)) break;
    let sum = 0;
    block.forEach((byte, i) => {
      sum += i >= 148 && i < 156 ? 0x20 : byte;
    });
    const expected = Number.parseInt(readString(block, 148, 8).trim(), 8);
    if (sum !== expected) throw new Error(`tar checksum mismatch at ${at}`);
    const size = Number.parseInt(readString(block, 124, 12).trim() || '0', 8);
    const prefix = readString(block, 345, 155);
    const name = prefix ? `${prefix}/${readString(block, 0, 100)}` : readString(block, 0, 100);
    const type = String.fromCharCode(block[156] ?? 0x30);
    const content = buffer.subarray(at + BLOCK, at + BLOCK + size);
    if (type === '0' || type === '\0') files.push({ name, content: Buffer.from(content) });
    at += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  return files;
}
