/**
 * The bits of RFC 6455 a fake server needs: the upgrade handshake key, reading the masked frames a
 * client sends and writing unmasked server frames. No extensions, no fragmentation on write.
 */
import { createHash } from 'node:crypto';

export const OPCODE = { continuation: 0, text: 1, binary: 2, close: 8, ping: 9, pong: 10 } as const;

export interface Frame {
  fin: boolean;
  opcode: number;
  payload: Buffer;
}

export function acceptKey(key: string): string {
  return createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
}

/** Reads one frame from the start of `buffer`; undefined until the whole frame has arrived. */
export function readFrame(buffer: Buffer): { frame: Frame; rest: Buffer } | undefined {
  const first = buffer[0];
  const second = buffer[1];
  if (first === undefined || second === undefined) return undefined;
  let length = second & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const masked = (second & 0x80) !== 0;
  const mask = masked ? buffer.subarray(offset, offset + 4) : undefined;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (mask) {
    for (let i = 0; i < payload.length; i++) payload[i] = (payload[i] ?? 0) ^ (mask[i % 4] ?? 0);
  }
  return {
    frame: { fin: (first & 0x80) !== 0, opcode: first & 0x0f, payload },
    rest: buffer.subarray(offset + length),
  };
}

export function encodeFrame(opcode: number, payload: Buffer): Buffer {
  const head = 0x80 | opcode;
  if (payload.length < 126) return Buffer.concat([Buffer.from([head, payload.length]), payload]);
  if (payload.length < 65536) {
    const header = Buffer.alloc(4);
    header[0] = head;
    header[1] = 126;
    header.writeUInt16BE(payload.length, 2);
    return Buffer.concat([header, payload]);
  }
  const header = Buffer.alloc(10);
  header[0] = head;
  header[1] = 127;
  header.writeBigUInt64BE(BigInt(payload.length), 2);
  return Buffer.concat([header, payload]);
}
