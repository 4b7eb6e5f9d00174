/**
 * A device's per-feature compliance as stored in its journal record: each feature without its empty
 * fields (`""`, `0`, `[]`), since most features of most devices are compliant and would otherwise
 * repeat the same empty fields in every record; expanded back to FeatureCompliance when read.
 */
import type { FeatureCompliance } from '../engine';

type Stored = Partial<FeatureCompliance> & Pick<FeatureCompliance, 'feature' | 'compliant'>;

export function compactFeatures(features: readonly FeatureCompliance[]): Stored[] {
  return features.map((f) => {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(f)) {
      if (value === '' || value === 0 || (Array.isArray(value) && value.length === 0)) continue;
      out[key] = value;
    }
    return out as Stored;
  });
}

export function expandFeatures(stored: readonly Stored[]): FeatureCompliance[] {
  return stored.map((s) => ({
    feature: s.feature,
    compliant: s.compliant,
    missing: s.missing ?? '',
    missing_count: s.missing_count ?? 0,
    extra: s.extra ?? '',
    extra_count: s.extra_count ?? 0,
    remediation: s.remediation ?? '',
    rollback: s.rollback ?? '',
    intended_ranges: s.intended_ranges ?? [],
  }));
}
