/**
 * The scope of a job's devices: the `netremediate.scope` setting (or the CLI's `--scope FILE`) for every
 * folder, replaced per folder by its manifest's `scope` (the manifest wins: a folder's own file says what
 * its devices manage). Written into the job's header, so a retry or a resume, and the review of a device,
 * work within the scope the job ran with.
 */
import {
  OTHER_FEATURE,
  PLATFORMS,
  validateScope,
  type FeatureSets,
  type Scope,
  type ScopeError,
} from '../engine';
import type { JobCompliance } from './jobFeatures';
import type { JobHeader } from './jobStore';
import type { ReviewScope } from './reviewDocuments';

export interface JobScope {
  /** Distinct scopes of the job's folders. */
  readonly scopes: readonly Scope[];
  /** Absolute folder → index in `scopes`; a folder not listed has no scope (everything is managed). */
  readonly folders: Readonly<Record<string, number>>;
  /**
   * The feature sets `manage.features` resolve against, for a job that computes no compliance (one that
   * does has them in its header's `compliance`).
   */
  readonly features?: JobCompliance;
}

/** The job's scope, or undefined when no folder has one (the job then costs what it did before). */
export function jobScope(
  folders: readonly string[],
  setting: Scope | undefined,
  manifests: ReadonlyMap<string, Scope>,
): Pick<JobScope, 'scopes' | 'folders'> | undefined {
  const scopes: Scope[] = [];
  const keys: string[] = [];
  const byFolder: Record<string, number> = {};
  for (const folder of folders) {
    const scope = manifests.get(folder) ?? setting;
    if (scope === undefined) continue;
    const key = JSON.stringify(scope);
    let at = keys.indexOf(key);
    if (at < 0) {
      at = scopes.push(scope) - 1;
      keys.push(key);
    }
    byFolder[folder] = at;
  }
  return scopes.length === 0 ? undefined : { scopes, folders: byFolder };
}

/** Whether any of the job's scopes names features (the tasks then need the feature sets). */
export function scopeNamesFeatures(scope: Pick<JobScope, 'scopes'> | undefined): boolean {
  return scope?.scopes.some((s) => (s.manage?.features?.length ?? 0) > 0) ?? false;
}

/**
 * The feature names a folder's scope uses that none of its platforms' feature sets defines: a typo there
 * would leave that feature's sections silently unmanaged, so the job refuses to run.
 */
export function unknownScopeFeatures(scope: Scope, sets: FeatureSets, root: string): ScopeError[] {
  const known = new Set<string>([OTHER_FEATURE]);
  for (const platform of PLATFORMS) for (const d of sets[platform]) known.add(d.name);
  return validateScope(scope, root, known).errors;
}

/** What each task carries about scope: its folder's scope (small) and a key a worker caches it by. */
export class TaskScope {
  private readonly perScope: { scope: Scope; scopeKey: string }[];

  constructor(private readonly scope: JobScope) {
    this.perScope = scope.scopes.map((s) => ({ scope: s, scopeKey: JSON.stringify(s) }));
  }

  for(folder: string): { scope?: Scope; scopeKey?: string } {
    const at = this.scope.folders[folder];
    return at === undefined ? {} : this.perScope[at];
  }

  /** The scope a folder's devices work within, if any. */
  scopeOf(folder: string): Scope | undefined {
    const at = this.scope.folders[folder];
    return at === undefined ? undefined : this.scope.scopes[at];
  }
}

/** The scope a device's folder had in a job (with the feature sets it resolves against), if any. */
export function reviewScopeOf(header: JobHeader, folder: string): ReviewScope | undefined {
  const scope = header.scope;
  const at = scope?.folders[folder];
  if (scope === undefined || at === undefined) return undefined;
  const sets = header.compliance ?? scope.features;
  const features = sets === undefined ? undefined : sets.sets[sets.folders[folder] ?? 0];
  return { scope: scope.scopes[at], ...(features === undefined ? {} : { features }) };
}
