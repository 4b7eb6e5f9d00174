/**
 * The journal's record framing, shared by the writer (main thread) and the task worker (which encodes
 * a device's texts as a record body so the main thread only writes bytes).
 *
 *   magic u32 | metaLength u32 | bodyLength u32 | metaCrc u32 | bodyCrc u32 | meta (UTF-8 JSON) | body
 *
 * Little-endian. `metaCrc` covers the two lengths and the meta, so a torn or garbled header is caught
 * as surely as a torn meta; `bodyCrc` covers the body, which replay skips (seeks over) and a lazy read
 * checks. A record is valid only when it fits in the file and its meta checks out: a torn tail (the
 * process died mid-write) is detected and skipped, never parsed.
 */
import zlib from 'node:zlib';

export const RECORD_MAGIC = 0x314a524e; // "NRJ1"
export const HEADER_BYTES = 20;

let table: Uint32Array | undefined;

/** zlib.crc32 from Node 20.15 on; the table version keeps older Node 20 working. */
function crc32Fallback(data: Uint8Array, value = 0): number {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = (value ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const nativeCrc32 = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

export function crc32(data: Uint8Array, value = 0): number {
  return nativeCrc32 === undefined ? crc32Fallback(data, value) : nativeCrc32(data, value);
}

const encoder = new TextEncoder();

/** A body as the worker makes it: its own buffer (structured clone copies just these bytes). */
export function encodeBody(value: unknown): { body: Uint8Array; bodyCrc: number } {
  const body = encoder.encode(JSON.stringify(value));
  return { body, bodyCrc: crc32(body) };
}

/** Header and meta of one record, ready to be written (with the body) in one system call. */
export function encodeHead(meta: unknown, bodyLength = 0, bodyCrc = 0): Buffer {
  const metaBytes = Buffer.from(JSON.stringify(meta), 'utf8');
  const head = Buffer.allocUnsafe(HEADER_BYTES + metaBytes.length);
  head.writeUInt32LE(RECORD_MAGIC, 0);
  head.writeUInt32LE(metaBytes.length, 4);
  head.writeUInt32LE(bodyLength, 8);
  head.writeUInt32LE(crc32(metaBytes, crc32(head.subarray(4, 12))), 12);
  head.writeUInt32LE(bodyCrc, 16);
  metaBytes.copy(head, HEADER_BYTES);
  return head;
}

export interface DecodedHeader {
  readonly metaLength: number;
  readonly bodyLength: number;
  readonly metaCrc: number;
  readonly bodyCrc: number;
}

/** Undefined when the 20 bytes are not a record header (garbage or a torn write). */
export function decodeHeader(bytes: Buffer): DecodedHeader | undefined {
  if (bytes.length < HEADER_BYTES || bytes.readUInt32LE(0) !== RECORD_MAGIC) return undefined;
  return {
    metaLength: bytes.readUInt32LE(4),
    bodyLength: bytes.readUInt32LE(8),
    metaCrc: bytes.readUInt32LE(12),
    bodyCrc: bytes.readUInt32LE(16),
  };
}

export function metaChecks(header: Buffer, meta: Buffer, expected: number): boolean {
  return crc32(meta, crc32(header.subarray(4, 12))) === expected;
}
