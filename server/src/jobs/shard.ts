/**
 * `--shard I/N`: a stable 1/N of the devices, so a fleet can be split across CI runners. A device is
 * kept when FNV-1a (32-bit, over the UTF-8 bytes) of `<folder name>/<device_id>` mod N is I−1: the
 * same on every machine and in every language (no job ids, timestamps or absolute paths in the key),
 * and a device never moves between shards when others are added or removed.
 */
import path from 'node:path';

export interface Shard {
  /** 1-based, as written on the command line. */
  readonly index: number;
  readonly count: number;
}

export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(text, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** The key the shard hash is taken over: the folder's own name, not its absolute path. */
export function shardKey(folder: string, deviceId: string): string {
  return `${path.basename(folder)}/${deviceId}`;
}

/** 1-based shard of a device among `count`. */
export function shardOf(folder: string, deviceId: string, count: number): number {
  return (fnv1a32(shardKey(folder, deviceId)) % count) + 1;
}

export function inShard(folder: string, deviceId: string, shard: Shard): boolean {
  return shardOf(folder, deviceId, shard.count) === shard.index;
}

/** Parses `I/N` (1 ≤ I ≤ N); throws a message fit for a usage error. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!match || count < 1 || index < 1 || index > count) {
    throw new Error(`--shard ${text}: expected I/N with 1 ≤ I ≤ N, e.g. 2/4`);
  }
  return { index, count };
}
