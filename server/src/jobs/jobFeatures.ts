/**
 * The compliance feature sets of a job: the built-in sets with the `netremediate.features` setting (or
 * the CLI's `--features FILE`) applied, and on top, per folder, its manifest's `features` (the manifest
 * wins over the setting for each platform it names). Written into the job's header, so a job read back
 * from the store knows what its devices were checked against.
 */
import crypto from 'node:crypto';
import { DEFAULT_FEATURES, resolveFeatureSets, type FeatureOverrides, type FeatureSets } from '../engine';

export interface JobCompliance {
  /** Distinct feature sets; `sets[0]` is the setting's, for every folder without manifest features. */
  readonly sets: readonly FeatureSets[];
  /** Absolute folder → index in `sets`, for every folder of the job. */
  readonly folders: Readonly<Record<string, number>>;
}

/** Indices of the sets the job's folders use (the setting's alone for a job of explicit files). */
export function usedSets(compliance: JobCompliance): number[] {
  const used = new Set(Object.values(compliance.folders));
  return used.size === 0 ? [0] : [...used].sort((a, b) => a - b);
}

export function jobCompliance(
  folders: readonly string[],
  setting: FeatureOverrides | undefined,
  manifests: ReadonlyMap<string, FeatureOverrides>,
): JobCompliance {
  const sets: FeatureSets[] = [resolveFeatureSets([setting])];
  const keys = [JSON.stringify(sets[0])];
  const byFolder: Record<string, number> = {};
  for (const folder of folders) {
    const manifest = manifests.get(folder);
    if (manifest === undefined) {
      byFolder[folder] = 0;
      continue;
    }
    const set = resolveFeatureSets([setting, manifest]);
    const key = JSON.stringify(set);
    let at = keys.indexOf(key);
    if (at < 0) {
      at = sets.push(set) - 1;
      keys.push(key);
    }
    byFolder[folder] = at;
  }
  return { sets, folders: byFolder };
}

const BUILT_IN_KEY = JSON.stringify(DEFAULT_FEATURES);

/**
 * What each task of a job carries about features: nothing for the built-in sets (no 5 KB copy per
 * task), otherwise its folder's sets and a key the worker caches them by.
 */
export class TaskFeatures {
  private readonly perSet: { features?: FeatureSets; featuresKey: string }[];

  constructor(private readonly compliance: JobCompliance) {
    this.perSet = compliance.sets.map((set) => {
      const key = JSON.stringify(set);
      return key === BUILT_IN_KEY ? { featuresKey: 'built-in' } : { features: set, featuresKey: key };
    });
  }

  for(folder: string): { features?: FeatureSets; featuresKey: string } {
    return this.perSet[this.compliance.folders[folder] ?? 0];
  }

  /** The feature sets a folder's devices are checked against. */
  setOf(folder: string): FeatureSets {
    return this.compliance.sets[this.compliance.folders[folder] ?? 0];
  }
}

/**
 * sha256 of the feature sets a job used (all platforms, every distinct set, in a stable order):
 * `netremediate merge` refuses shard reports whose features differ.
 */
export function featureSetSha256(compliance: JobCompliance): string {
  const canonical = usedSets(compliance)
    .map((i) => JSON.stringify(compliance.sets[i]))
    .sort();
  return crypto.createHash('sha256').update(JSON.stringify(canonical), 'utf8').digest('hex');
}
