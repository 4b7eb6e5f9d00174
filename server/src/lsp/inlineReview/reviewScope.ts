/**
 * The scope an inline review works within, as a job of the same device would: the folder's manifest
 * `scope`, else the `netremediate.scope` setting; `manage.features` resolved against the setting's
 * features under the manifest's. A setting scope with errors is not used at all (as in jobs): the
 * review then shows nothing rather than a script for another scope, and the log says why, once.
 */
import {
  resolveFeatureSets,
  validateFeatures,
  validateScope,
  type PlanOptions,
  type Scope,
  type ScopeError,
} from '../../engine';
import type { EditorSettings } from '../settings';
import type { DevicePair } from './devicePairs';

const MAX_RESOLVED = 32;

export interface ReviewScoping {
  /** For `engine.plan` / `engine.scope`; undefined: no scope, everything managed. */
  readonly options: PlanOptions | undefined;
  /** Changes when the scope or the features in force change: cached reviews compare it. */
  readonly key: string;
}

export class ReviewScopes {
  private setting: { key: string; scope: Scope | undefined; errors: readonly ScopeError[] } | undefined;
  private warned = '';
  /** Resolved scopings by key: the same values each time, so the engine compiles each scope once. */
  private readonly resolved = new Map<string, ReviewScoping>();

  constructor(private readonly warn: (message: string) => void) {}

  /** Undefined when the setting's scope is invalid and the folder has none of its own. */
  resolve(settings: EditorSettings, pair: DevicePair): ReviewScoping | undefined {
    const settingKey = JSON.stringify(settings.scope ?? null);
    if (this.setting?.key !== settingKey) {
      const { scope, errors } = validateScope(settings.scope, 'netremediate.scope');
      this.setting = { key: settingKey, scope, errors };
    }
    const scope = pair.scope ?? this.setting.scope;
    if (pair.scope === undefined && this.setting.errors.length > 0) {
      if (this.warned !== settingKey) {
        this.warned = settingKey;
        const list = this.setting.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
        this.warn(`inline review is off until netremediate.scope is fixed: ${list}`);
      }
      return undefined;
    }
    if (scope === undefined) return { options: undefined, key: '' };
    const key = JSON.stringify([scope, settings.features ?? null, pair.features ?? null]);
    let scoping = this.resolved.get(key);
    if (scoping === undefined) {
      const features = resolveFeatureSets([validateFeatures(settings.features).features, pair.features]);
      scoping = { options: { scope, features }, key };
      if (this.resolved.size >= MAX_RESOLVED) this.resolved.clear();
      this.resolved.set(key, scoping);
    }
    return scoping;
  }
}
