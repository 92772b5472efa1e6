/**
 * The smallest protobuf encoder the tiny ONNX model needs: varints, fixed32 floats and
 * length-delimited fields (strings, bytes, nested messages). A message is a list of encoded
 * fields concatenated; nesting is a length-delimited field holding another message.
 */
export type Field = Uint8Array;

const WIRE_VARINT = 0;
const WIRE_LEN = 2;
const WIRE_FIXED32 = 5;

function varint(value: number | bigint): Uint8Array {
  let v = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0n);
  return Uint8Array.from(bytes);
}

function key(field: number, wire: number): Uint8Array {
  return varint((field << 3) | wire);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

export function intField(field: number, value: number | bigint): Field {
  return concat([key(field, WIRE_VARINT), varint(value)]);
}

export function floatField(field: number, value: number): Field {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, value, true);
  return concat([key(field, WIRE_FIXED32), bytes]);
}

export function bytesField(field: number, value: Uint8Array): Field {
  return concat([key(field, WIRE_LEN), varint(value.length), value]);
}

export function stringField(field: number, value: string): Field {
  return bytesField(field, new TextEncoder().encode(value));
}

export function messageField(field: number, fields: readonly Field[]): Field {
  return bytesField(field, concat(fields));
}
