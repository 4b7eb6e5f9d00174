/**
 * The small glob dialect of device discovery (Node 20 has no fs.glob; a dozen lines beat a dependency):
 * `*` and `?` within one path segment, `**` for any number of segments, `[abc]` / `[a-z]` / `[!x]`,
 * `{a,b}` alternatives. Paths are relative to a workspace folder with `/` separators; matching is
 * case-sensitive, like git. Files and folders whose names start with `.` are never walked.
 */
import fs from 'node:fs';
import path from 'node:path';

const GLOB_CHARS = /[*?[{]/;

export function hasGlobChars(pattern: string): boolean {
  return GLOB_CHARS.test(pattern);
}

/** The leading segments without glob characters: where walking starts, and what device keys are relative to. */
export function globBase(pattern: string): string {
  const segments = pattern.split('/');
  const base: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (hasGlobChars(segment)) break;
    base.push(segment);
  }
  return base.join('/');
}

export function globToRegExp(pattern: string): RegExp {
  let out = '';
  let alternatives = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const slashAfter = pattern[i + 2] === '/';
        out += slashAfter ? '(?:[^/]+/)*' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        out += '[^/]*';
      }
    } else if (c === '?') {
      out += '[^/]';
    } else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, close);
      if (body.startsWith('!')) body = `^${body.slice(1)}`;
      out += `[${body.replace(/\\/g, '\\\\')}]`;
      i = close;
    } else if (c === '{') {
      alternatives++;
      out += '(?:';
    } else if (c === '}' && alternatives > 0) {
      alternatives--;
      out += ')';
    } else if (c === ',' && alternatives > 0) {
      out += '|';
    } else {
      out += c.replace(/[.+^$()|\\\]{}]/g, '\\$&');
    }
  }
  return new RegExp(`^${out}$`);
}

export interface GlobMatch {
  /** Path relative to the folder, `/`-separated. */
  readonly relative: string;
  /** Path relative to the glob's base: what device keys are made of. */
  readonly fromBase: string;
}

const SKIPPED_DIRS = new Set(['node_modules']);

/** Every file under `folder` matching `pattern`, walking only from the pattern's static base. */
export async function globFiles(folder: string, pattern: string): Promise<GlobMatch[]> {
  const regex = globToRegExp(pattern);
  const base = globBase(pattern);
  const matches: GlobMatch[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(path.join(folder, relativeDir), { withFileTypes: true });
    } catch {
      return; // an absent running/ or intended/ folder simply has no files
    }
    const subdirs: string[] = [];
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) subdirs.push(relative);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && regex.test(relative)) {
        matches.push({ relative, fromBase: base === '' ? relative : relative.slice(base.length + 1) });
      }
    }
    for (const dir of subdirs) await walk(dir);
  };
  await walk(base);
  matches.sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
  return matches;
}
