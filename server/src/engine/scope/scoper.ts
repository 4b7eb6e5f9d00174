import type { CompiledFeatures } from '../compliance/classify';
import type { FeatureDefinition, FeatureSets } from '../compliance/types';
import type { Platform } from '../model/types';
import type { LoadedConfig } from '../remediation/types';
import { applyScope, type ScopedPair } from './applyScope';
import { CompiledScope } from './compileScope';
import type { Scope } from './types';

/**
 * The engine's `scope` verb: compiles a scope once per (scope value, platform, feature list) — a host
 * passing the same Scope and FeatureSets values for every device (the task worker does) compiles once —
 * and cuts a pair of loaded configs to it.
 */
export function createScoper(
  compiledFeatures: (definitions: readonly FeatureDefinition[]) => CompiledFeatures,
): (running: LoadedConfig, intended: LoadedConfig, scope: Scope, features: FeatureSets) => ScopedPair {
  const cache = new WeakMap<Scope, Map<Platform, WeakMap<readonly FeatureDefinition[], CompiledScope>>>();
  const compiled = (scope: Scope, platform: Platform, definitions: readonly FeatureDefinition[]) => {
    let byPlatform = cache.get(scope);
    if (byPlatform === undefined) cache.set(scope, (byPlatform = new Map()));
    let byFeatures = byPlatform.get(platform);
    if (byFeatures === undefined) byPlatform.set(platform, (byFeatures = new WeakMap()));
    let c = byFeatures.get(definitions);
    if (c === undefined) {
      c = new CompiledScope(scope, platform, compiledFeatures(definitions));
      byFeatures.set(definitions, c);
    }
    return c;
  };
  return (running, intended, scope, features) => {
    const definitions = features[running.platform];
    return applyScope(running, intended, compiled(scope, running.platform, definitions));
  };
}
