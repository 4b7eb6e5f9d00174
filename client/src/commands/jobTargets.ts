/**
 * What a start command sends: workspace folders (or folders picked in the explorer) that hold devices
 * — a `netremediate.json` manifest, or `running/` and `intended/` folders — and files paired by the
 * convention the server's discovery uses: `<root>/running/<path>/<name>.<ext>` pairs with the file of
 * the same name, extension removed, at the same path under `<root>/intended/`; its device id is
 * `<path>/<name>` and its folder `<root>`, so locks and results match a job over the whole folder.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { JobFile } from '../../../server/src/protocol';

export const MANIFEST_FILE = 'netremediate.json';
const SIDES = ['running', 'intended'] as const;
type Side = (typeof SIDES)[number];

export interface JobTargets {
  readonly folders: string[];
  readonly files: JobFile[];
  /** Selected items that name no device, said why. */
  readonly problems: string[];
}

async function stat(uri: vscode.Uri): Promise<vscode.FileStat | undefined> {
  try {
    return await vscode.workspace.fs.stat(uri);
  } catch {
    return undefined;
  }
}

function isDirectory(s: vscode.FileStat | undefined): boolean {
  return s !== undefined && (s.type & vscode.FileType.Directory) !== 0;
}

/** How a folder declares its devices, if it does. */
export async function deviceSource(folder: vscode.Uri): Promise<'manifest' | 'convention' | undefined> {
  if ((await stat(vscode.Uri.joinPath(folder, MANIFEST_FILE))) !== undefined) return 'manifest';
  const [running, intended] = await Promise.all(SIDES.map((side) => stat(vscode.Uri.joinPath(folder, side))));
  return isDirectory(running) && isDirectory(intended) ? 'convention' : undefined;
}

/** The workspace folders that hold devices (a folder without any would fail the whole job). */
export async function workspaceTargets(): Promise<{ folders: string[]; skipped: string[] }> {
  const folders: string[] = [];
  const skipped: string[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    if (folder.uri.scheme !== 'file') continue;
    if ((await deviceSource(folder.uri)) !== undefined) folders.push(folder.uri.fsPath);
    else skipped.push(folder.name);
  }
  return { folders, skipped };
}

function withoutExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** `<root>/running/a/b.cfg` → root, side `running`, relative `a/b.cfg`. */
function conventionPlace(file: string): { root: string; side: Side; relative: string } | undefined {
  const parts = file.split(path.sep);
  for (let i = parts.length - 2; i >= 1; i--) {
    const side = parts[i] as Side;
    if (SIDES.includes(side)) {
      return { root: parts.slice(0, i).join(path.sep), side, relative: parts.slice(i + 1).join('/') };
    }
  }
  return undefined;
}

class Pairing {
  private readonly listings = new Map<string, Promise<[string, vscode.FileType][]>>();

  private list(dir: string): Promise<[string, vscode.FileType][]> {
    let listing = this.listings.get(dir);
    if (listing === undefined) {
      listing = Promise.resolve(vscode.workspace.fs.readDirectory(vscode.Uri.file(dir))).catch(() => []);
      this.listings.set(dir, listing);
    }
    return listing;
  }

  /** The device a convention file belongs to, with its counterpart on the other side. */
  async pair(file: string): Promise<JobFile | string> {
    const place = conventionPlace(file);
    if (place === undefined) return `${file} is not under a running/ or intended/ folder`;
    const other: Side = place.side === 'running' ? 'intended' : 'running';
    const relativeDir = path.posix.dirname(place.relative);
    const base = withoutExtension(path.posix.basename(place.relative));
    const otherDir = path.join(place.root, other, ...(relativeDir === '.' ? [] : relativeDir.split('/')));
    const matches = (await this.list(otherDir)).filter(
      ([name, type]) => (type & vscode.FileType.File) !== 0 && withoutExtension(name) === base,
    );
    if (matches.length === 0)
      return `${file} has no ${other} config (${other}/${relativeDir === '.' ? '' : `${relativeDir}/`}${base}.*)`;
    if (matches.length > 1) {
      return `${file}: several ${other} configs match (${matches.map(([n]) => n).join(', ')})`;
    }
    const counterpart = path.join(otherDir, matches[0][0]);
    const device_id = relativeDir === '.' ? base : `${relativeDir}/${base}`;
    return {
      running: place.side === 'running' ? file : counterpart,
      intended: place.side === 'running' ? counterpart : file,
      device_id,
      folder: place.root,
    };
  }

  /** Every file under a folder inside a running/ or intended/ tree. */
  async filesUnder(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const [name, type] of await this.list(dir)) {
      const full = path.join(dir, name);
      if ((type & vscode.FileType.Directory) !== 0) out.push(...(await this.filesUnder(full)));
      else if ((type & vscode.FileType.File) !== 0 && !name.startsWith('.')) out.push(full);
    }
    return out;
  }
}

/**
 * Explorer selection → job targets: a folder with devices runs as a folder; a `running/` or
 * `intended/` folder (or one inside them) runs its files, each paired with its counterpart; a config
 * file runs as its device; `netremediate.json` runs its manifest.
 */
export async function selectionTargets(uris: readonly vscode.Uri[]): Promise<JobTargets> {
  const folders: string[] = [];
  const files: JobFile[] = [];
  const problems: string[] = [];
  const pairing = new Pairing();
  const seen = new Set<string>();
  const addFile = async (file: string): Promise<void> => {
    const paired = await pairing.pair(file);
    if (typeof paired === 'string') {
      problems.push(paired);
      return;
    }
    const key = `${paired.folder}\u0000${paired.device_id}`;
    if (seen.has(key)) return;
    seen.add(key);
    files.push(paired);
  };
  for (const uri of uris) {
    if (uri.scheme !== 'file') {
      problems.push(`${uri.toString()} is not a local file`);
      continue;
    }
    const fsPath = uri.fsPath;
    const info = await stat(uri);
    if (info === undefined) {
      problems.push(`${fsPath} does not exist`);
    } else if (isDirectory(info)) {
      if ((await deviceSource(uri)) !== undefined) {
        if (!folders.includes(fsPath)) folders.push(fsPath);
      } else if (conventionPlace(path.join(fsPath, 'x')) !== undefined) {
        const inside = await pairing.filesUnder(fsPath);
        if (inside.length === 0) problems.push(`${fsPath} holds no configs`);
        for (const file of inside) await addFile(file);
      } else {
        problems.push(`${fsPath} has no ${MANIFEST_FILE} and no running/ and intended/ folders`);
      }
    } else if (path.basename(fsPath) === MANIFEST_FILE) {
      if (!folders.includes(fsPath)) folders.push(fsPath);
    } else {
      await addFile(fsPath);
    }
  }
  // Files of a folder that is run whole are in it already.
  const covered = (file: JobFile): boolean =>
    folders.some((f) => file.folder === f || file.folder === path.dirname(f));
  return { folders, files: files.filter((f) => !covered(f)), problems };
}
