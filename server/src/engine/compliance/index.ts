/**
 * Fleet compliance per feature (issue #8), re-exported by server/src/engine/index.ts:
 *
 *   const { features, errors } = validateFeatures(json.features);   // errors name their field
 *   const sets = resolveFeatureSets([settingOverrides, manifestOverrides]);
 *   engine.compliance(plan, sets);   // DeviceCompliance: per feature missing, extra, remediation, rollback
 */
export { CompiledFeatures } from './classify';
export { scriptLines, type RenderedScript, type ScriptsOfDevice } from './compute';
export { DEFAULT_FEATURES } from './defaultFeatures';
export { resolveFeatureSets, validateFeatures } from './validateFeatures';
export type { FeatureError, FeatureOverrides } from './validateFeatures';
export { OTHER_FEATURE } from './types';
export type {
  ComputedFeatureCompliance,
  DeviceCompliance,
  FeatureCompliance,
  FeatureDefinition,
  FeatureSets,
  LineRange,
} from './types';
