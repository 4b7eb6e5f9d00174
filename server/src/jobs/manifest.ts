/**
 * `netremediate.json` at a workspace folder's root:
 *
 *   { "devices": [ { "device_id": "core-rtr-01", "platform": "cisco_ios",
 *                    "running": "running/core-rtr-01.cfg", "intended": "intended/core-rtr-01.cfg" },
 *                  { "running": "backups/*.cfg", "intended": "rendered/*.cfg" } ] }
 *
 * An entry names one device (paths) or many (globs in both `running` and `intended`, paired by the name
 * relative to each glob's base, without extension; `device_id` then comes from that name and must be
 * left out). Checked by hand against this schema: each problem names its field, e.g.
 * `devices[3].platform`, so the editor can point at it. Unknown fields are errors: `runing` is a typo.
 *
 * `features` (optional) overrides the compliance features of the folder's devices, per platform, in
 * the format of the `netremediate.features` setting (engine/compliance/validateFeatures.ts); for a
 * platform it names, it wins over the setting. Its problems name their field too:
 * `features.cisco_ios[2].match[0].re_search`.
 *
 * `scope` (optional) says what the folder's devices manage and ignore (engine/scope/types.ts, docs/scope.md),
 * in the format of the `netremediate.scope` setting; it replaces the setting's scope for the folder.
 * Its problems name their field (`scope.ignore[1].lineage[0].re_search`); a scope with any problem
 * is not used, and the folder's jobs do not run.
 */
import {
  PLATFORMS,
  validateFeatures,
  validateScope,
  type FeatureOverrides,
  type Platform,
  type Scope,
} from '../engine';
import { hasGlobChars } from './glob';

export const MANIFEST_FILE = 'netremediate.json';

export interface ManifestEntry {
  /** Position in `devices`, 0-based. */
  readonly index: number;
  readonly device_id?: string;
  readonly platform?: Platform;
  readonly running: string;
  readonly intended: string;
  readonly glob: boolean;
}

export interface ManifestProblem {
  /** JSON path of the field, e.g. `devices[2].running` (empty for the document itself). */
  readonly field: string;
  readonly device_index?: number;
  readonly message: string;
}

const TOP_LEVEL_FIELDS = new Set(['$schema', 'devices', 'features', 'scope']);
const DEVICE_FIELDS = new Set(['device_id', 'platform', 'running', 'intended']);

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string'
    ? `"${value}"`
    : `${typeof value === 'object' ? 'an object' : String(value)}`;
}

export function validateManifest(document: unknown): {
  entries: ManifestEntry[];
  problems: ManifestProblem[];
  /** The valid `features` overrides (undefined when the manifest has none). */
  features?: FeatureOverrides;
  /** The `scope`, when the manifest has one and it is valid. */
  scope?: Scope;
} {
  const entries: ManifestEntry[] = [];
  const problems: ManifestProblem[] = [];
  if (typeof document !== 'object' || document === null || Array.isArray(document)) {
    problems.push({
      field: '',
      message: `expected an object with a "devices" array, got ${describe(document)}`,
    });
    return { entries, problems };
  }
  for (const key of Object.keys(document)) {
    if (!TOP_LEVEL_FIELDS.has(key))
      problems.push({
        field: key,
        message: `unknown field "${key}" (expected ${[...TOP_LEVEL_FIELDS].join(', ')})`,
      });
  }
  const declared = (document as { features?: unknown }).features;
  const checked = declared === undefined ? undefined : validateFeatures(declared, 'features');
  for (const e of checked?.errors ?? []) problems.push({ field: e.field, message: e.message });
  const scoped = validateScope((document as { scope?: unknown }).scope, 'scope');
  for (const e of scoped.errors) problems.push({ field: e.field, message: e.message });
  const devices = (document as { devices?: unknown }).devices;
  if (!Array.isArray(devices)) {
    problems.push({ field: 'devices', message: `expected an array of devices, got ${describe(devices)}` });
    return { entries, problems };
  }
  devices.forEach((device: unknown, index) => {
    const entry = validateEntry(device, index, problems);
    if (entry !== undefined) entries.push(entry);
  });
  return {
    entries,
    problems,
    ...(checked === undefined ? {} : { features: checked.features }),
    ...(scoped.scope === undefined ? {} : { scope: scoped.scope }),
  };
}

function validateEntry(
  device: unknown,
  index: number,
  problems: ManifestProblem[],
): ManifestEntry | undefined {
  const at = `devices[${index}]`;
  const before = problems.length;
  const problem = (field: string, message: string): void => {
    problems.push({ field: field === '' ? at : `${at}.${field}`, device_index: index, message });
  };
  if (typeof device !== 'object' || device === null || Array.isArray(device)) {
    problem('', `expected an object {device_id, platform, running, intended}, got ${describe(device)}`);
    return undefined;
  }
  const record = device as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!DEVICE_FIELDS.has(key))
      problem(key, `unknown field "${key}" (expected ${[...DEVICE_FIELDS].join(', ')})`);
  }
  const paths: Record<'running' | 'intended', string> = { running: '', intended: '' };
  for (const field of ['running', 'intended'] as const) {
    const value = record[field];
    if (typeof value !== 'string' || value.trim() === '') {
      problem(field, `expected a path relative to the folder (or a glob), got ${describe(value)}`);
    } else {
      paths[field] = value.replace(/\\/g, '/');
    }
  }
  const glob = hasGlobChars(paths.running) || hasGlobChars(paths.intended);
  if (glob && !(hasGlobChars(paths.running) && hasGlobChars(paths.intended))) {
    problem(
      glob && hasGlobChars(paths.running) ? 'intended' : 'running',
      'use globs in both running and intended, or in neither',
    );
  }
  const id = record.device_id;
  if (glob) {
    if (id !== undefined)
      problem('device_id', 'leave device_id out of a glob entry: each device is named by its file');
  } else if (typeof id !== 'string' || id.trim() === '') {
    problem('device_id', `expected a non-empty string, got ${describe(id)}`);
  } else if ([...id].some((ch) => ch.charCodeAt(0) < 0x20)) {
    problem('device_id', 'control characters are not allowed in a device id');
  }
  const platform = record.platform;
  if (platform !== undefined && !PLATFORMS.includes(platform as Platform)) {
    problem('platform', `expected one of ${PLATFORMS.join(', ')}, got ${describe(platform)}`);
  }
  if (problems.length > before) return undefined;
  return {
    index,
    device_id: typeof id === 'string' ? id : undefined,
    platform: platform as Platform | undefined,
    running: paths.running,
    intended: paths.intended,
    glob,
  };
}
