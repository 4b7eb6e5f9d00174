/**
 * Device discovery in a workspace folder: its `netremediate.json` manifest when there is one, otherwise
 * the convention — files under `running/` paired with files under `intended/` (globs configurable).
 *
 * Pairing rule (convention and manifest globs): by the path relative to the glob's base with the last
 * extension removed, so `running/r1.cfg` pairs with `intended/r1.txt`, and `running/site-a/r1.cfg`
 * is device `site-a/r1`. Two files naming the same device are an error naming both; a file without
 * its pair is a warning (backups often hold devices nobody renders yet). Paths must stay inside the
 * folder. Only names are read here: content detection of the platform happens in the worker, which
 * reads the file anyway, so discovering 10,000 devices costs a few readdirs, not 10,000 reads.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FeatureOverrides, Platform, Scope } from '../engine';
import { globFiles, hasGlobChars, type GlobMatch } from './glob';
import { MANIFEST_FILE, validateManifest, type ManifestEntry } from './manifest';
import type { PlatformSource } from './types';

export interface DeviceSpec {
  readonly device_id: string;
  /** Absolute path of the workspace folder. */
  readonly folder: string;
  /** Known before the task runs (manifest or editor language); otherwise the worker detects it. */
  readonly platform?: Platform;
  readonly platform_source?: Extract<PlatformSource, 'manifest' | 'language'>;
  /** Absolute paths. */
  readonly running: string;
  readonly intended: string;
}

export interface DiscoveryOptions {
  /** Relative to each folder; default `running/**\/*` and `intended/**\/*`. */
  readonly runningGlob?: string;
  readonly intendedGlob?: string;
  /** Absolute path → platform of the open document's language id (the caller maps language ids). */
  readonly platformHints?: ReadonlyMap<string, Platform>;
}

export interface DiscoveryProblem {
  readonly folder: string;
  /** The file at fault (the manifest, or a config file). */
  readonly file?: string;
  /** For a manifest problem: the field, e.g. `devices[2].running`. */
  readonly field?: string;
  readonly device_index?: number;
  readonly message: string;
}

export interface FolderDiscovery {
  readonly folder: string;
  readonly source: 'manifest' | 'convention';
  /** The manifest's compliance feature overrides, when it has any. */
  features?: FeatureOverrides;
  /** The manifest's scope, when it has one. */
  scope?: Scope;
  readonly devices: DeviceSpec[];
  readonly errors: DiscoveryProblem[];
  readonly warnings: DiscoveryProblem[];
}

export const DEFAULT_RUNNING_GLOB = 'running/**/*';
export const DEFAULT_INTENDED_GLOB = 'intended/**/*';

/** `file: field: message`, for logs, the CLI and a failed job's error. */
export function formatProblem(problem: DiscoveryProblem): string {
  const where = problem.file ?? problem.folder;
  return `${where}: ${problem.field === undefined ? '' : `${problem.field}: `}${problem.message}`;
}

/** A folder, or a manifest file (its folder is then the folder it sits in). */
export async function discoverFolder(
  target: string,
  options: DiscoveryOptions = {},
): Promise<FolderDiscovery> {
  const absolute = path.resolve(target);
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(absolute);
  } catch {
    const problem = { folder: absolute, message: 'no such folder or manifest' };
    return { folder: absolute, source: 'convention', devices: [], errors: [problem], warnings: [] };
  }
  const folder = stat.isDirectory() ? absolute : path.dirname(absolute);
  const manifest = stat.isDirectory() ? path.join(folder, MANIFEST_FILE) : absolute;
  if (!stat.isDirectory() || fs.existsSync(manifest)) return fromManifest(folder, manifest, options);
  const found = await pairByGlobs(
    folder,
    options.runningGlob ?? DEFAULT_RUNNING_GLOB,
    options.intendedGlob ?? DEFAULT_INTENDED_GLOB,
    options,
  );
  if (found.devices.length === 0 && found.errors.length === 0) {
    found.errors.push({
      folder,
      message: `no devices: no ${MANIFEST_FILE} and no paired files under ${options.runningGlob ?? DEFAULT_RUNNING_GLOB} and ${options.intendedGlob ?? DEFAULT_INTENDED_GLOB}`,
    });
  }
  return { folder, source: 'convention', ...found };
}

type Found = Pick<FolderDiscovery, 'devices' | 'errors' | 'warnings'>;

async function fromManifest(
  folder: string,
  manifest: string,
  options: DiscoveryOptions,
): Promise<FolderDiscovery> {
  const result: FolderDiscovery = { folder, source: 'manifest', devices: [], errors: [], warnings: [] };
  let document: unknown;
  try {
    document = JSON.parse(await fs.promises.readFile(manifest, 'utf8'));
  } catch (error) {
    result.errors.push({
      folder,
      file: manifest,
      message: `cannot read the manifest: ${(error as Error).message}`,
    });
    return result;
  }
  const { entries, problems, features, scope } = validateManifest(document);
  for (const p of problems) result.errors.push({ folder, file: manifest, ...p });
  if (features !== undefined) result.features = features;
  if (scope !== undefined) result.scope = scope;
  const owners = new Map<string, string>();
  for (const entry of entries) {
    const outside = (['running', 'intended'] as const).find((f) => escapes(folder, entry[f]));
    if (outside !== undefined) {
      result.errors.push({
        folder,
        file: manifest,
        field: `devices[${entry.index}].${outside}`,
        device_index: entry.index,
        message: `${entry[outside]} is outside the folder ${folder}: paths must stay inside it`,
      });
      continue;
    }
    const found = entry.glob
      ? await pairByGlobs(folder, entry.running, entry.intended, options, entry)
      : single(folder, entry, options);
    for (const device of found.devices) {
      const first = owners.get(device.device_id);
      if (first !== undefined) {
        result.errors.push({
          folder,
          file: manifest,
          field: `devices[${entry.index}]`,
          device_index: entry.index,
          message: `device id "${device.device_id}" appears twice: ${first} and ${relative(folder, device.running)}`,
        });
        continue;
      }
      owners.set(device.device_id, relative(folder, device.running));
      result.devices.push(device);
    }
    for (const e of found.errors) result.errors.push({ ...e, file: e.file ?? manifest });
    append(result.warnings, found.warnings);
  }
  return result;
}

function single(folder: string, entry: ManifestEntry, options: DiscoveryOptions): Found {
  const running = path.resolve(folder, entry.running);
  const intended = path.resolve(folder, entry.intended);
  const device = withPlatform(
    { device_id: entry.device_id as string, folder, running, intended },
    entry.platform,
    options,
  );
  return { devices: [device], errors: [], warnings: [] };
}

/** Pairs the files two globs find by their name relative to each glob's base, extension removed. */
async function pairByGlobs(
  folder: string,
  runningGlob: string,
  intendedGlob: string,
  options: DiscoveryOptions,
  entry?: ManifestEntry,
): Promise<Found> {
  const found: Found = { devices: [], errors: [], warnings: [] };
  for (const glob of [runningGlob, intendedGlob]) {
    if (escapes(folder, glob)) {
      found.errors.push({ folder, message: `the glob ${glob} reaches outside the folder ${folder}` });
    }
  }
  if (found.errors.length > 0) return found;
  const [running, intended] = await Promise.all([
    globFiles(folder, runningGlob),
    globFiles(folder, intendedGlob),
  ]);
  const runningByKey = byDeviceKey(folder, running, found);
  const intendedByKey = byDeviceKey(folder, intended, found);
  for (const [key, runningFile] of runningByKey) {
    const intendedFile = intendedByKey.get(key);
    if (intendedFile === undefined) {
      found.warnings.push({
        folder,
        file: runningFile,
        message: `no intended config pairs with ${relative(folder, runningFile)}: skipped`,
      });
      continue;
    }
    const spec = { device_id: key, folder, running: runningFile, intended: intendedFile };
    found.devices.push(withPlatform(spec, entry?.platform, options));
  }
  for (const [key, intendedFile] of intendedByKey) {
    if (!runningByKey.has(key)) {
      found.warnings.push({
        folder,
        file: intendedFile,
        message: `no running config pairs with ${relative(folder, intendedFile)}: skipped`,
      });
    }
  }
  return found;
}

function byDeviceKey(folder: string, matches: readonly GlobMatch[], found: Found): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const match of matches) {
    const key = withoutExtension(match.fromBase);
    const file = path.join(folder, match.relative);
    const first = byKey.get(key);
    if (first !== undefined) {
      found.errors.push({
        folder,
        file,
        message: `device id "${key}" is named by two files: ${relative(folder, first)} and ${match.relative}`,
      });
    } else {
      byKey.set(key, file);
    }
  }
  return byKey;
}

function withPlatform(
  spec: Omit<DeviceSpec, 'platform' | 'platform_source'>,
  manifestPlatform: Platform | undefined,
  options: DiscoveryOptions,
): DeviceSpec {
  if (manifestPlatform !== undefined)
    return { ...spec, platform: manifestPlatform, platform_source: 'manifest' };
  const hint = options.platformHints?.get(spec.running) ?? options.platformHints?.get(spec.intended);
  return hint === undefined ? spec : { ...spec, platform: hint, platform_source: 'language' };
}

/** `r1.cfg` → `r1`, `site/r1.cfg` → `site/r1`, `.hidden` and `r1` unchanged. */
export function withoutExtension(key: string): string {
  const slash = key.lastIndexOf('/');
  const dot = key.lastIndexOf('.');
  return dot > slash + 1 ? key.slice(0, dot) : key;
}

/** Whether a manifest path or glob leads outside the folder (`../`, or absolute elsewhere). */
function escapes(folder: string, candidate: string): boolean {
  const literal = hasGlobChars(candidate)
    ? candidate
        .split('/')
        .filter((s) => !hasGlobChars(s))
        .join('/')
    : candidate;
  if (candidate.split(/[\\/]/).includes('..')) return true;
  const rel = path.relative(folder, path.resolve(folder, literal));
  return rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel);
}

function relative(folder: string, file: string): string {
  return path.relative(folder, file).split(path.sep).join('/');
}

export interface Discovery {
  readonly folders: string[];
  /** Folder → its manifest's feature overrides (folders without any are absent). */
  readonly features: Map<string, FeatureOverrides>;
  /** Folder → its manifest's scope (folders without one are absent). */
  readonly scopes: Map<string, Scope>;
  readonly devices: DeviceSpec[];
  readonly errors: DiscoveryProblem[];
  readonly warnings: DiscoveryProblem[];
}

/** Several folders or manifests; one folder named twice (or by its folder and its manifest) counts once. */
export async function discoverTargets(
  targets: readonly string[],
  options: DiscoveryOptions = {},
): Promise<Discovery> {
  const result: Discovery = {
    folders: [],
    features: new Map(),
    scopes: new Map(),
    devices: [],
    errors: [],
    warnings: [],
  };
  const seen = new Set<string>();
  for (const found of await Promise.all(targets.map((t) => discoverFolder(t, options)))) {
    if (seen.has(found.folder)) continue;
    seen.add(found.folder);
    result.folders.push(found.folder);
    if (found.features !== undefined) result.features.set(found.folder, found.features);
    if (found.scope !== undefined) result.scopes.set(found.folder, found.scope);
    // Loops, not push(...spread): a folder of 100,000 devices would overflow the argument stack.
    append(result.devices, found.devices);
    append(result.errors, found.errors);
    append(result.warnings, found.warnings);
  }
  return result;
}

function append<T>(to: T[], items: readonly T[]): void {
  for (const item of items) to.push(item);
}
