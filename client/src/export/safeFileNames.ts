/**
 * Names for exported files that cannot escape the chosen folder: no separators, no `..`, no control
 * characters, no characters Windows refuses; and a check that a target really is inside the folder.
 * (The same rules as the CLI's `--out`, reimplemented here: the client imports only the protocol.)
 */
import * as path from 'node:path';

/** A file-name-safe form of a device id or folder name. */
export function sanitizeFileName(name: string): string {
  const cleaned = [...name]
    .filter((c) => c.charCodeAt(0) > 0x1f && c.charCodeAt(0) !== 0x7f)
    .join('')
    .replace(/[/\\:*?"<>|]/g, '_')
    .replace(/^\.+/, '_')
    .trim()
    .slice(0, 200);
  return cleaned.length > 0 ? cleaned : '_';
}

/** True when `candidate` (a POSIX URI path) is `root` or inside it, after resolving `.` and `..`. */
export function isInside(root: string, candidate: string): boolean {
  const base = path.posix.resolve('/', root);
  const target = path.posix.resolve('/', candidate);
  return target === base || target.startsWith(base.endsWith('/') ? base : `${base}/`);
}

/** Hands out unique names within one directory: `r1`, then `r1~2` for a second device sanitised alike. */
export class UniqueNames {
  private readonly used = new Map<string, Set<string>>();

  take(dir: string, name: string): string {
    let names = this.used.get(dir);
    if (names === undefined) {
      names = new Set();
      this.used.set(dir, names);
    }
    let candidate = name;
    for (let n = 2; names.has(candidate.toLowerCase()); n++) candidate = `${name}~${n}`;
    names.add(candidate.toLowerCase());
    return candidate;
  }
}
