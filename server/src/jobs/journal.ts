/**
 * One job's append-only journal: the single writer (main thread) and the readers (replay at start-up,
 * lazy reads of a device's texts). A `kill -9` loses nothing `writeSync` already handed the kernel, so
 * every record is one write in append mode; fsync (2 ms here) runs every `fsyncEvery` records and when
 * the journal closes, for power loss, never per record.
 */
import fs from 'node:fs';
import { HEADER_BYTES, crc32, decodeHeader, encodeHead, metaChecks } from './journalFormat';

/** Where a record's body is, to read it back later without replaying the journal. */
export interface BodyLocation {
  readonly offset: number;
  readonly length: number;
  readonly crc: number;
}

/** A meta bigger than this is garbage read as a length (a job record of 10,000 devices is ~2 MB). */
const MAX_META_BYTES = 256 * 1024 * 1024;

export class JournalWriter {
  private readonly fd: number;
  private size: number;
  private unsynced = 0;

  /** Opens for appending; `validBytes` cuts a torn tail first, so new records follow the last good one. */
  constructor(
    readonly file: string,
    private readonly fsyncEvery: number,
    validBytes?: number,
  ) {
    if (validBytes !== undefined && fs.existsSync(file) && fs.statSync(file).size > validBytes) {
      fs.truncateSync(file, validBytes);
    }
    this.fd = fs.openSync(file, 'a');
    this.size = fs.fstatSync(this.fd).size;
  }

  /** Appends one record in one system call and returns where its body went. */
  append(meta: unknown, body?: Uint8Array, bodyCrc?: number): BodyLocation | undefined {
    const crc = body === undefined ? 0 : (bodyCrc ?? crc32(body));
    const head = encodeHead(meta, body?.length ?? 0, crc);
    const parts: Uint8Array[] = body === undefined || body.length === 0 ? [head] : [head, body];
    const total = head.length + (body?.length ?? 0);
    let written = fs.writevSync(this.fd, parts);
    while (written < total) {
      // A short write is rare on a regular file; finish it rather than leave a torn record mid-journal.
      const rest = Buffer.concat(
        parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
      ).subarray(written);
      written += fs.writeSync(this.fd, rest);
    }
    const location =
      body === undefined ? undefined : { offset: this.size + head.length, length: body.length, crc };
    this.size += total;
    if (++this.unsynced >= this.fsyncEvery) this.sync();
    return location;
  }

  sync(): void {
    if (this.unsynced === 0) return;
    fs.fsyncSync(this.fd);
    this.unsynced = 0;
  }

  close(): void {
    try {
      this.sync();
    } finally {
      fs.closeSync(this.fd);
    }
  }
}

export interface ReplayResult {
  readonly records: number;
  /** Bytes of whole, valid records from the start: where a writer resumes. */
  readonly validBytes: number;
  readonly fileBytes: number;
  /** Set when the journal does not end with a whole record: what was found at `validBytes`. */
  readonly problem?: string;
}

/**
 * Reads every valid record's meta in order, skipping bodies. Stops at the first record that is torn or
 * fails its checksum: what follows it cannot be framed reliably, and a crash only ever tears the tail.
 */
export function replayJournal(
  file: string,
  onRecord: (meta: unknown, body: BodyLocation) => void,
): ReplayResult {
  const fd = fs.openSync(file, 'r');
  try {
    const fileBytes = fs.fstatSync(fd).size;
    const header = Buffer.alloc(HEADER_BYTES);
    let offset = 0;
    let records = 0;
    const stop = (problem: string): ReplayResult => ({ records, validBytes: offset, fileBytes, problem });
    while (offset < fileBytes) {
      if (fileBytes - offset < HEADER_BYTES)
        return stop(`a torn record header (${fileBytes - offset} bytes)`);
      fs.readSync(fd, header, 0, HEADER_BYTES, offset);
      const decoded = decodeHeader(header);
      if (decoded === undefined || decoded.metaLength > MAX_META_BYTES)
        return stop('bytes that are not a record');
      const end = offset + HEADER_BYTES + decoded.metaLength + decoded.bodyLength;
      if (end > fileBytes) return stop(`a torn record (${fileBytes - offset} of ${end - offset} bytes)`);
      const meta = Buffer.allocUnsafe(decoded.metaLength);
      fs.readSync(fd, meta, 0, decoded.metaLength, offset + HEADER_BYTES);
      if (!metaChecks(header, meta, decoded.metaCrc)) return stop('a record that fails its checksum');
      let value: unknown;
      try {
        value = JSON.parse(meta.toString('utf8'));
      } catch {
        return stop('a record whose content is not JSON');
      }
      onRecord(value, {
        offset: offset + HEADER_BYTES + decoded.metaLength,
        length: decoded.bodyLength,
        crc: decoded.bodyCrc,
      });
      records++;
      offset = end;
    }
    return { records, validBytes: offset, fileBytes };
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads records' bodies back; one open file for a page of devices. */
export class JournalReader {
  private readonly fd: number;

  constructor(readonly file: string) {
    this.fd = fs.openSync(file, 'r');
  }

  /** The body's JSON value; throws a readable error when the bytes are missing or fail their checksum. */
  readJson(location: BodyLocation): unknown {
    const bytes = Buffer.allocUnsafe(location.length);
    const read = fs.readSync(this.fd, bytes, 0, location.length, location.offset);
    if (read !== location.length || crc32(bytes) !== location.crc) {
      throw new Error(`the journal ${this.file} is damaged at byte ${location.offset}`);
    }
    return JSON.parse(bytes.toString('utf8'));
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}
