/**
 * Scope (issue #9), re-exported by server/src/engine/index.ts:
 *
 *   const { scope, errors } = validateScope(json.scope);          // errors name their field; scope undefined then
 *   const plan = engine.plan(running, intended, { scope, features });
 *   plan.unmanaged;                                               // what differs outside the scope
 *   engine.scope(loadedRunning, loadedIntended, scope, features);   // the cut alone, for verb-by-verb hosts
 */
export { validateScope } from './validateScope';
export { PRESET_DESCRIPTIONS, PRESETS } from './presets';
export { SCOPE_PRESETS, MAX_UNMANAGED_SECTIONS } from './types';
export type { ScopedPair } from './applyScope';
export type {
  IgnoreEntry,
  Scope,
  ScopeError,
  ScopePreset,
  ScopeRule,
  UnmanagedDrift,
  UnmanagedKind,
  UnmanagedSection,
} from './types';
