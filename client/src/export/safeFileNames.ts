/**
 * Names for exported files that cannot escape the chosen folder: no separators, no `..`, no control
 * characters, no characters Windows refuses; and a check that a target really is inside the folder.
 * (The names themselves come from the protocol's export format, shared with the CLI's `--out`.)
 */
import * as path from 'node:path';

/** True when `candidate` (a POSIX URI path) is `root` or inside it, after resolving `.` and `..`. */
export function isInside(root: string, candidate: string): boolean {
  const base = path.posix.resolve('/', root);
  const target = path.posix.resolve('/', candidate);
  return target === base || target.startsWith(base.endsWith('/') ? base : `${base}/`);
}

export { sanitizeFileName, UniqueNames } from '../../../server/src/protocol/exportFormat';
